/* heap.c — being written. */
#include "config.h"

#include "heap.h"
