"""The article checker: document -> segments -> mentions -> findings -> formatter."""
