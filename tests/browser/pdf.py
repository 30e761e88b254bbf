"""Reading what Chromium printed (page.pdf): how many pages."""

import re

# A page object's dictionary says /Type /Page; the page tree's says /Type /Pages.
PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def count_pages(pdf: bytes) -> int:
    return len(PAGE.findall(pdf))
