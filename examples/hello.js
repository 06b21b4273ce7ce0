print("Hello from gscript");
