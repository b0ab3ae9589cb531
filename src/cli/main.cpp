// main.cpp - entry point of the par-audit command line.
#include <iostream>
int main() { std::cout << "par-audit\n"; return 0; }
