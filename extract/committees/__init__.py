"""The committee family: memberships and dated changes of board committees.

`members` is the registered extractor; it combines the table readers (`tables`: composition
matrices, committee rows, attendance tables) and the sentence readers (`sentences`: "chaired by",
"comprises", heading lists, dated changes), which share committee names and patterns (`names`).
"""
