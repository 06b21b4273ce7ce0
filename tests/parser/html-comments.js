x = 1 <!-- comment
--> also a comment
y = a --> b;
/*
*/ --> c
z = 2
