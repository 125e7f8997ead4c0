"""The board-change family: appointments, resignations, retirements, removals, re-designations and deaths.

`statements` reads each change statement by its structure (an honorific name, a change verb, the posts it
is about, a date phrase); `posts` the post phrases (board seat in a role, office, committee post);
`effective` the date phrases; `reader` resolves a document's statements together (short names, `the same
date`, `upon the conclusion of the AGM`, roles) and is the registered extractor. The committee family
takes its committee-post changes from `reader.committee_changes`, so no sentence is read by two families.
"""
