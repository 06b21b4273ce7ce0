/* gs-version.h — export and version macros of the gscript API. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#if defined(GSCRIPT_COMPILATION) && !defined(GSCRIPT_STATIC)
#define GS_API __attribute__ ((visibility ("default"))) extern
#else
#define GS_API extern
#endif

#define GS_MAJOR_VERSION 0
#define GS_MINOR_VERSION 1
#define GS_MICRO_VERSION 0

G_END_DECLS
