"""pagescraper: parse saved news pages into clean articles."""

from pagescraper.parse import page_text, parse_page

__all__ = ["page_text", "parse_page"]
