/* gscript.h — the whole embedding API of the gscript engine. */
#pragma once

#define __GSCRIPT_H_INSIDE__

#include <gscript/gs-version.h>
#include <gscript/gs-runtime.h>
#include <gscript/gs-value.h>
#include <gscript/gs-log.h>
#include <gscript/gs-native.h>

#undef __GSCRIPT_H_INSIDE__
