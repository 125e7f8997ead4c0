"""The general-meeting family: meetings, resolutions and their votes, attendance, officials.

`polls` is the registered extractor; `votes` reads poll-result vote tables in every flattening
seen, and `checks` holds the consistency checks that become data-quality findings.
"""
