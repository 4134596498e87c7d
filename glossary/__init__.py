"""glossary: Chinese names in English-language writing.

Importing this package is cheap; heavy libraries (pypinyin, jieba, OpenCC,
CC-CEDICT) are loaded on first use by the modules that need them.
"""

__version__ = "0.1.0"
