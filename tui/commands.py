"""Command palette (ctrl+p): every review action by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, action on the review screen)
REVIEW_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Next finding", "Move to the next finding (n)", "next_finding"),
    ("Previous finding", "Move to the previous finding (p)", "previous_finding"),
    ("Apply fix", "Apply the selected finding's fix (f)", "apply_fix"),
    (
        "Apply all fixes of this kind",
        "Every fix with the selected finding's code (F)",
        "apply_fix_all",
    ),
    ("Ignore finding", "Suppression comment or glossary exception (i)", "ignore"),
    ("Add or edit glossary entry", "Entry form for the selected person (a)", "entry"),
    ("Look up", "Search the house glossary and CC-CEDICT (/)", "lookup"),
    ("Repair mojibake", "Show broken runs before and after, and repair them (r)", "repair"),
    ("Undo", "Undo the last change (u)", "undo"),
    ("Save", "Save the article and the glossary (ctrl+s)", "save"),
    ("Show findings", "The findings list (1)", "show_tab('findings')"),
    ("Show names", "Every person in the article (2)", "show_tab('names')"),
    ("Help", "Keys and how saving works (?)", "help"),
)


class ReviewCommands(Provider):
    async def _run(self, action: str) -> None:
        await self.screen.run_action(action)

    async def discover(self) -> Hits:
        for title, help_text, action in REVIEW_COMMANDS:
            yield DiscoveryHit(title, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in REVIEW_COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(title), partial(self._run, action), help=help_text
                )
