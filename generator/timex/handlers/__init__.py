"""Resolution handlers, one module per rule family (rules/<family>.yaml names them).

A handler takes a candidate and the text's ``Context`` and returns pieces
``(start, end, TimeValue)`` (usually one) or None to reject the candidate. The negative
contexts of a rule's record have been checked before it runs.
"""
