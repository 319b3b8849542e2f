"""One module per page layout (and the registry's JSON): each claims the pages of its layout and reads them
into a record.
"""
