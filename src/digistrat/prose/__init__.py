"""Plain-English text analysis for the text rules (T001 to T006).

* :mod:`digistrat.prose.wordlists`: the default word lists, each a rule option;
* :mod:`digistrat.prose.match`: pure functions over strings (terms, acronyms, sentences…);
* :mod:`digistrat.prose.fields`: which text values of a repository the rules read.
"""

from digistrat.prose.fields import (
    NOT_PROSE,
    FoundText,
    RepositoryText,
    TextValue,
    entities_in_order,
    int_option,
    is_identifier,
    repository_text,
    shared_text,
    terms_option,
    text_values,
)
from digistrat.prose.match import (
    acronym_definitions,
    acronym_uses,
    acronyms,
    defined_acronyms,
    find_terms,
    has_anchor,
    is_allowed_acronym,
    might_contain,
    negated,
    normalised,
    placeholder,
    sentence_count,
    solution_phrasing,
    terms_pattern,
    unquoted,
    word_count,
)

__all__ = [
    "NOT_PROSE",
    "FoundText",
    "RepositoryText",
    "TextValue",
    "acronym_definitions",
    "acronym_uses",
    "acronyms",
    "defined_acronyms",
    "entities_in_order",
    "find_terms",
    "has_anchor",
    "int_option",
    "is_allowed_acronym",
    "is_identifier",
    "might_contain",
    "negated",
    "normalised",
    "placeholder",
    "repository_text",
    "sentence_count",
    "shared_text",
    "solution_phrasing",
    "terms_option",
    "terms_pattern",
    "text_values",
    "unquoted",
    "word_count",
]
