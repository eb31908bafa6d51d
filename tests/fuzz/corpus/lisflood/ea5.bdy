#inflow
test5
6   seconds
0	0
0	300
15	600
15	1200
0	6000
0	108000
