"""Helper mode (issue 6): journey state, portable profile, printable summary, job map,
anonymous feedback and the plain-language explanation texts. Nothing here stores personal
data on the server."""
