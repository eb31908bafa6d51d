comment
q
3 minutes
0 0
1 1
0.5 2
r
2 hours
1 0
2 0
bad
2 fortnights
