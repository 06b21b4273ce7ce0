/* main.c — the gscript program (being written). */
#include "config.h"

#include <gscript/gscript.h>

int
main (int argc, char **argv)
{
  return 0;
}
