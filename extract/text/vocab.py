"""Literal vocabularies (data, not code): honorifics, director roles, officer titles, committees.

They feed the `gov_spans` PhraseMatcher component and the regular expressions of the families,
so one list serves both. Matching is case-insensitive.
"""
from __future__ import annotations

HONORIFICS: tuple[str, ...] = (
    "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Miss", "Madam", "Madame", "Dr", "Dr.", "Prof",
    "Prof.", "Professor", "Sir", "Dame", "Lady",
)

#: Honorifics read only before another honorific or a full name (`Ir Dr. Wong Siu Tong`, `Ir Chan Tai Man`):
#: `Ir` (a Hong Kong registered engineer) is too short to be trusted anywhere else.
GUARDED_HONORIFICS: tuple[str, ...] = ("Ir",)

#: Phrase as written -> director role of the exchange format.
DIRECTOR_ROLE_PHRASES: dict[str, str] = {
    "executive director": "executive",
    "executive directors": "executive",
    "non-executive director": "non_executive",
    "non-executive directors": "non_executive",
    "non executive director": "non_executive",
    "non executive directors": "non_executive",
    "independent non-executive director": "independent_non_executive",
    "independent non-executive directors": "independent_non_executive",
    "independent non executive director": "independent_non_executive",
    "independent non executive directors": "independent_non_executive",
    "independent director": "independent_non_executive",
    "independent directors": "independent_non_executive",
}

#: Officer title as written -> title of the exchange format (longest phrases win when matching).
OFFICER_TITLE_PHRASES: dict[str, str] = {
    "chairman": "chairman",
    "chairwoman": "chairman",
    "chairperson": "chairman",
    "chairman of the board": "chairman",
    "chairwoman of the board": "chairman",
    "chairperson of the board": "chairman",
    "vice chairman": "vice_chairman",
    "vice-chairman": "vice_chairman",
    "vice chairman of the board": "vice_chairman",
    "vice-chairman of the board": "vice_chairman",
    "vice chairperson": "vice_chairman",
    "vice-chairperson": "vice_chairman",
    "deputy chairman": "vice_chairman",
    "chief executive officer": "chief_executive",
    "chief executive": "chief_executive",
    "ceo": "chief_executive",
    "president": "president",
    "president director": "president",
    "president director of the board": "president",
    "company secretary": "company_secretary",
    "joint company secretary": "company_secretary",
    "joint company secretaries": "company_secretary",
    "secretary to the board": "other",
    "secretary of the board": "other",
    "board secretary": "other",
    "chief financial officer": "chief_financial_officer",
    "cfo": "chief_financial_officer",
    "financial controller": "other",
    "general manager": "general_manager",
    "deputy general manager": "other",
    "chief operating officer": "other",
    "chief technology officer": "other",
    # Added for signature blocks, notes and biographies (Foundation issue).
    "chairman of the board of directors": "chairman",
    "chairperson of the board of directors": "chairman",
    "chairwoman of the board of directors": "chairman",
    "executive chairman": "chairman",
    "non-executive chairman": "chairman",
    "non-executive chairwoman": "chairman",
    "non-executive chairperson": "chairman",
    "independent non-executive chairman": "chairman",
    "vice chairwoman": "vice_chairman",
    "vice-chairwoman": "vice_chairman",
    "vice chairman of the board of directors": "vice_chairman",
    "joint company secretary": "company_secretary",
    "joint company secretaries": "company_secretary",
    "secretary to the company": "company_secretary",
    "company secretaries": "company_secretary",
    "chief executive officers": "chief_executive",
    "general managers": "general_manager",
    "vice president": "other",
    "vice-president": "other",
    "senior vice president": "other",
    "executive president": "other",
    "honorary chairman": "other",
    "co-chairman": "other",
    "deputy general managers": "other",
    "chief operations officer": "other",
    "chief sustainability officer": "other",
    "chief investment officer": "other",
    "chief risk officer": "other",
    "chief accountant": "other",
    "financial director": "other",
    "chief scientist": "other",
    "authorised representative": "other",
    "authorized representative": "other",
    "managing director": "other",
    "deputy managing director": "other",
    # `Chairlady` and `Chairlady and Executive Director` in signature blocks (Hong Kong usage).
    "chairlady": "chairman",
    "chairlady of the board": "chairman",
    "chairlady of the board of directors": "chairman",
    "vice chairlady": "vice_chairman",
    "vice-chairlady": "vice_chairman",
    "vice chairlady of the board": "vice_chairman",
    "vice-chairlady of the board": "vice_chairman",
}

#: Committee name as written -> committee of the exchange format.
COMMITTEE_PHRASES: dict[str, str] = {
    "audit committee": "audit",
    "audit and risk committee": "audit",
    "audit and risk management committee": "audit",
    "nomination committee": "nomination",
    "nominating committee": "nomination",
    "remuneration committee": "remuneration",
    "remuneration and appraisal committee": "remuneration",
    "remuneration and evaluation committee": "remuneration",
    "compensation committee": "remuneration",
    "compensation and evaluation committee": "remuneration",
    "remuneration and nomination committee": "remuneration",
    "strategy committee": "strategy",
    "strategic committee": "strategy",
    "strategy and development committee": "strategy",
    "strategy and sustainability committee": "strategy",
    "strategic development committee": "strategy",
    "esg committee": "esg",
    "environmental, social and governance committee": "esg",
    "sustainability committee": "esg",
    "risk committee": "risk",
    "risk management committee": "risk",
    "corporate governance committee": "corporate_governance",
    "supervisory committee": "supervisory",
    "board of supervisors": "supervisory",
}

#: Words that sit among officer titles without being one (`Co-founder, Chairman and CEO`).
TITLE_FILLER_PHRASES: tuple[str, ...] = (
    "founder", "co-founder", "director", "directors",
)

#: Capitalised words that are never part of a person's name (they end up next to names in
#: board paragraphs and signature blocks).
NAME_STOPWORDS: tuple[str, ...] = (
    "Board", "Director", "Directors", "Company", "Committee", "Chairman", "Chairperson", "Chairwoman",
    "Executive", "Independent", "Non", "Proposed", "Limited", "Ltd", "Inc", "Group", "Holdings", "The",
    "Of", "And", "Officer", "Secretary", "President", "Manager", "Shareholders", "Shares",
    "Announcement", "Date", "PRC", "China", "Namely", "Supervisor", "Supervisors", "Chief", "General",
    "Chairlady",
)

#: Post-nominal honours and qualifications written after a name (`Dr. Lee Ka Shing, GBM, JP`):
#: not part of the name, and not an English forename.
POST_NOMINALS: tuple[str, ...] = (
    "JP", "SBS", "BBS", "MH", "GBS", "GBM", "OBE", "MBE", "CBE", "KBE", "SC", "QC", "KC", "PhD",
    "Ph.D.", "CPA", "FCPA", "FCCA", "ACA", "FCA", "CFA", "MBA", "BBS, JP",
)
