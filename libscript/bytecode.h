/* bytecode.h — the instruction set of the interpreter, and compiled code.
 *
 * The machine has an accumulator (acc) and a register file per frame.  An
 * instruction is one opcode byte followed by its operands, whose layout
 * is fixed per opcode (the signature string of the list below):
 *
 *   r  a register, u16         k  a constant-pool index, u16
 *   i  an inline-cache index, u16          n  a count, u16
 *   j  a jump offset, i32, relative to the start of the next instruction
 *   s  an int32 immediate
 *
 * The prefix Wide makes every u16 operand of the next instruction a u32
 * (the long form).  Only the moves between the accumulator, registers,
 * constants and environment slots have one (bc_has_long_form): the
 * compiler keeps everything else within u16 (a function's register
 * bindings past 32k live in its environment, caches past 64k share a
 * megamorphic one, and other instructions' constants stay in the low
 * 64k), so functions of any size run and the normal dispatch never
 * looks for a prefix.  Bytecode is immutable and holds no pointers:
 * inline-cache state lives in the JsCode's side array.
 *
 * A frame's window on the value stack is
 *
 *   base[0]   the callee (keeps it and its environment alive)
 *   base[1]   r0: this
 *   base[2..] r1 .. r(nparams): the parameters
 *             then the locals and temporaries
 *
 * so a call passes its arguments without copying: the caller puts the
 * callee in register rF, this in rF+1 and the arguments after, and the
 * callee's window starts at the caller's rF.  Everything above rF in the
 * caller is dead during the call, which the compiler's stack-like
 * register allocation guarantees.
 */
#pragma once

#include "runtime.h"

/* X (NAME, "operands") — one instruction a line, grouped by what it does.
 * The comment says what it does with acc and its operands. */
#define JS_OPCODES(X) \
  /* Prefix. */ \
  X (Wide, "")               /* next instruction's u16 operands are u32 */ \
  /* Constants into acc. */ \
  X (LdaUndefined, "") \
  X (LdaNull, "") \
  X (LdaTrue, "") \
  X (LdaFalse, "") \
  X (LdaHole, "")            /* the internal empty value (TDZ, holes) */ \
  X (LdaInt, "s")            /* an int32 */ \
  X (LdaConst, "k")          /* a constant of the pool */ \
  /* Registers. */ \
  X (Ldar, "r")              /* acc = r */ \
  X (Star, "r")              /* r = acc */ \
  X (Mov, "rr")              /* r2 = r1 */ \
  X (StarLdar, "rr")         /* r1 = acc, then acc = r2; a Nop byte \
                                follows (made by the compiler's last \
                                pass from Star and Ldar) */ \
  X (LdaCallee, "")          /* acc = the running function */ \
  X (ClearRegs, "rn")        /* r .. r+n-1 = undefined (dead registers, so \
                                they keep nothing alive) */ \
  X (LdaNewTarget, "")       /* acc = new.target or undefined */ \
  X (CheckHole, "k")         /* acc empty: ReferenceError naming k */ \
  X (CheckThis, "")          /* acc empty: ReferenceError (super() first) */ \
  X (CheckObjectCoercible, "") /* acc null or undefined: TypeError */ \
  X (CheckBase, "r")         /* r null or undefined: TypeError (a property \
                                reference's base, before its key) */ \
  /* Environments (closures and block scopes). */ \
  X (LdaEnv, "nn")           /* acc = env(depth n1).slots[n2] */ \
  X (StaEnv, "nn")           /* env(depth n1).slots[n2] = acc */ \
  X (PushEnv, "k")           /* new env for scope k, parent = env */ \
  X (PopEnv, "")             /* env = env.parent */ \
  X (PushWithEnv, "")        /* env = a with environment over ToObject \
                                (acc) */ \
  X (CopyEnv, "")            /* env = a copy of env (per-iteration let) */ \
  X (SaveEnv, "r")           /* r = env, for handlers to restore */ \
  X (RestoreEnv, "r")        /* env = r */ \
  /* Global and dynamic names. */ \
  X (LdaGlobal, "ki")        /* acc = global k; ReferenceError if absent */ \
  X (TypeofGlobal, "ki")     /* acc = typeof global k (no error) */ \
  X (StaGlobal, "ki")        /* global k = acc (sloppy: may create) */ \
  X (StaGlobalStrict, "ki")  /* global k = acc; ReferenceError if absent */ \
  X (DeclareGlobals, "k")    /* var/function names of a script, checked */ \
  X (DeclareEvalVars, "k")   /* sloppy direct eval's var/function names, \
                                checked, in the variable environment */ \
  X (InitEvalFunction, "k")  /* that environment's binding k = acc */ \
  X (InitGlobal, "k")        /* script scope's let/const k = acc */ \
  X (BindVarObject, "k")     /* the object acc's properties named in k \
                                alias those slots of env (var_slots) */ \
  X (LdaLookup, "k")         /* acc = name k through with/eval scopes */ \
  X (TypeofLookup, "k") \
  X (StaLookup, "k") \
  X (StaLookupStrict, "k") \
  X (DeleteLookup, "k") \
  X (LdaLookupThis, "kr")    /* acc = name k, r = its with-object or undef */ \
  X (ResolveLookup, "kr")    /* r, r+1 = where name k is now (a reference) */ \
  X (LdaRef, "kr")           /* acc = the value of reference r, r+1 */ \
  X (StaRef, "kr")           /* reference r, r+1 = acc (sloppy) */ \
  X (StaRefStrict, "kr") \
  /* Properties. */ \
  X (GetNamed, "rki")        /* acc = r.k */ \
  X (GetNamedStar, "rkir")   /* acc = r1.k, then r2 = acc; a Nop byte \
                                follows (the compiler's last pass makes \
                                it from GetNamed and Star) */ \
  X (SetNamed, "rki")        /* r.k = acc (sloppy) */ \
  X (SetNamedStrict, "rki")  /* r.k = acc, TypeError on failure */ \
  X (GetKeyed, "ri")         /* acc = r[acc] */ \
  X (SetKeyed, "rri")        /* r1[r2] = acc */ \
  X (SetKeyedStrict, "rri") \
  X (DefineNamed, "rk")      /* CreateDataProperty (r, k, acc) */ \
  X (DefineKeyed, "rr")      /* CreateDataProperty (r1, r2, acc) */ \
  X (DefineGetter, "rr")     /* r1[r2] getter = acc (enumerable) */ \
  X (DefineSetter, "rr") \
  X (DefineMethod, "rr")     /* r1[r2] = acc, non-enumerable; home object */ \
  X (DefineClassGetter, "rr")/* non-enumerable accessor halves */ \
  X (DefineClassSetter, "rr") \
  X (SetHomeObject, "r")     /* r (a method)'s home object = acc */ \
  X (LdaHomeOfCallee, "")    /* acc = home object of the function acc */ \
  X (DefinePrivateMethod, "rrn") /* r1.#r2 = acc: n, JS_PRIVATE_* */ \
  X (NamePrivateMethod, "rn") /* names the function acc after #r, n \
                                 JS_PRIVATE_* */ \
  X (SetFunctionName, "r")   /* r (a function)'s name = key acc */ \
  X (DeleteProp, "r")        /* acc = delete r[acc] (sloppy) */ \
  X (DeletePropStrict, "r") \
  X (GetSuper, "r")          /* acc = super[acc] with this = r */ \
  X (SetSuper, "rr")         /* super[r2] = acc with this = r1 */ \
  X (SetProto, "r")          /* r.__proto__ = acc in a literal */ \
  X (CopyDataProps, "r")     /* {...acc} into r */ \
  X (CopyDataPropsExcept, "rrn") /* rest: r1 = copy of acc minus the n \
                                    keys in r2.. */ \
  X (GetPrivate, "r")        /* acc = r.#acc (acc: a private name) */ \
  X (SetPrivate, "rr")       /* r1.#r2 = acc */ \
  X (DefinePrivate, "rr")    /* add #r2 = acc to r1 (fields, methods) */ \
  X (HasPrivate, "r")        /* acc = #acc in r */ \
  /* Literals. */ \
  X (CreateObject, "n")      /* acc = {} with room for n properties */ \
  X (CreateArray, "n")       /* acc = [] with room for n elements */ \
  X (ArrayPush, "r")         /* r.push (acc) (literal) */ \
  X (ArrayPushHole, "r")     /* a hole in an array literal */ \
  X (ArraySpread, "r")       /* push every element of iterable acc */ \
  X (CreateClosure, "k")     /* a function of code k over env */ \
  X (CreateRegExp, "kk")     /* pattern k1, flags k2 */ \
  X (GetTemplateObject, "ki")/* the frozen strings array of template k */ \
  X (CreateClass, "rk")      /* acc = constructor of code k; heritage in r \
                                (hole: none), the prototype out in r+1 */ \
  X (SetClassFields, "r")    /* r (a constructor)'s field initializer = \
                                acc */ \
  X (InitFields, "r")        /* run r's field initializer on this = acc */ \
  X (CreatePrivateName, "k") /* acc = a new private name described k */ \
  X (CreateArguments, "")    /* acc = the arguments object */ \
  X (CreateMappedArguments, "k") /* acc = a mapped arguments object over \
                                    env, parameter slots in k */ \
  X (CreateRest, "n")        /* acc = array of the arguments from n on */ \
  /* Operators: acc = r OP acc, unless noted. */ \
  X (Add, "ri") \
  X (Sub, "ri") \
  X (Mul, "ri") \
  X (Div, "ri") \
  X (Mod, "ri") \
  X (Exp, "ri") \
  X (BitAnd, "ri") \
  X (BitOr, "ri") \
  X (BitXor, "ri") \
  X (Shl, "ri") \
  X (Sar, "ri") \
  X (Shr, "ri") \
  X (Eq, "r") \
  X (Ne, "r") \
  X (StrictEq, "r") \
  X (StrictNe, "r") \
  X (Lt, "r") \
  X (Le, "r") \
  X (Gt, "r") \
  X (Ge, "r") \
  /* The same with a literal int32 right operand: acc = acc OP s. */ \
  X (AddSmi, "s") \
  X (SubSmi, "s") \
  X (MulSmi, "s") \
  X (BitAndSmi, "s") \
  X (BitOrSmi, "s") \
  X (BitXorSmi, "s") \
  X (ShlSmi, "s") \
  X (SarSmi, "s") \
  X (ShrSmi, "s") \
  X (LtSmi, "s") \
  X (LeSmi, "s") \
  X (GtSmi, "s") \
  X (GeSmi, "s") \
  X (StrictEqSmi, "s") \
  X (StrictNeSmi, "s") \
  X (InstanceOf, "r")        /* acc = r instanceof acc */ \
  X (In, "r")                /* acc = r in acc */ \
  X (Inc, "")                /* acc = acc + 1 (numeric) */ \
  X (Dec, "") \
  X (Negate, "") \
  X (BitNot, "") \
  X (Not, "")                /* acc = !acc */ \
  X (Typeof, "") \
  X (ToNumeric, "") \
  X (ToNumber, "") \
  X (ToString, "")           /* for templates */ \
  X (ToPropertyKey, "") \
  X (ToObject, "") \
  /* Control. */ \
  X (Jump, "j") \
  X (JumpLoop, "j")          /* a back edge: checks the interrupt hook */ \
  X (JumpIfTrue, "j")        /* ToBoolean (acc) */ \
  X (JumpIfFalse, "j") \
  X (JumpIfNullish, "j")     /* acc is null or undefined */ \
  X (JumpIfNotNullish, "j") \
  X (JumpIfUndefined, "j") \
  X (JumpIfNotUndefined, "j") \
  X (JumpIfHole, "j") \
  X (JumpIfNotHole, "j") \
  X (SwitchJump, "rn")       /* jump to the r-th of the n offsets after */ \
  X (Throw, "")              /* throw acc */ \
  X (ThrowError, "nk")       /* throw a new error of kind n, message k */ \
  X (Return, "")             /* return acc */ \
  X (Debugger, "") \
  /* Calls: rF is the callee, rF+1 this, then n arguments. */ \
  X (Call, "rni") \
  X (CallSpread, "r")        /* rF, rF+1 this, rF+2 an array of args */ \
  X (CallEval, "rni")        /* eval (...): direct if rF is %eval%, \
                                with the caller's this and new.target in \
                                the two registers after the arguments */ \
  X (CallEvalSpread, "r")    /* the same with an array of args in rF+2 \
                                (this and new.target in rF+3, rF+4) */ \
  X (Construct, "rni")       /* new rF (args); rF+1 receives new.target */ \
  X (ConstructSpread, "r") \
  X (SuperCall, "rn")        /* super (args): r the constructor, r+1 \
                                new.target, the n arguments after */ \
  X (SuperCallSpread, "r")   /* the same with an array of args in r+2 */ \
  X (SuperCallForward, "")   /* a default derived constructor's super */ \
  X (TailCall, "rni")        /* reserved */ \
  /* Iteration. */ \
  X (GetIterator, "r")       /* r, r+1 = iterator of acc and its next */ \
  X (GetAsyncIterator, "r")  /* r, r+1 = GetIterator (acc, async) */ \
  X (IteratorStep, "rj")     /* acc = next value of r, or jump when done */ \
  X (IteratorComplete, "rj") /* acc (a result of r): TypeError if not an \
                                object; done: jump; else acc = value */ \
  X (IteratorClose, "r")     /* call r.return () if any */ \
  X (IteratorCloseThrow, "r") /* the same, its errors ignored; then \
                                 throw acc again */ \
  X (IteratorCloseCall, "rn")/* acc = r.return () unchecked, or a hole if \
                                none (AsyncIteratorClose awaits it); n 1: \
                                a throw completion (errors give a hole) */ \
  X (CheckIterResult, "")    /* acc not an object: TypeError */ \
  X (ForInPrepare, "r")      /* r = key enumerator of acc */ \
  X (ForInNext, "rj")        /* acc = next key of r, or jump when done */ \
  /* Generators and async functions. */ \
  X (InitGenerator, "")      /* make the generator object and return it */ \
  X (InitAsync, "")          /* start an async function's body; return \
                                its promise */ \
  X (Yield, "")              /* suspend with acc; resume value in acc */ \
  X (YieldRaw, "")           /* suspend giving acc (an iterator result) \
                                as is: yield* */ \
  X (DelegateStep, "rrr")    /* yield* step: call the iterator in r1 with \
                                mode r2 and value r3; acc = its result; \
                                r2 = 3 when a missing return method means \
                                return r3 */ \
  X (Await, "")              /* suspend until acc settles; the result (or \
                                a throw) resumes the code */ \
  X (ResumeKind, "")         /* acc = how the generator was resumed */ \
  X (AsyncReturn, "")        /* settle the async function's promise */ \
  /* Modules. */ \
  X (LdaImport, "nn")        /* acc = the binding an import (env depth n1, \
                                slot n2) links to; ReferenceError in TDZ */ \
  X (ImportMeta, "") \
  X (DynamicImport, "") \
  X (Nop, "")

typedef enum
{
#define JS_OP_ENUM(name, sig) JS_OP_##name,
  JS_OPCODES (JS_OP_ENUM)
#undef JS_OP_ENUM
  JS_OP_COUNT
} JsOpcode;

/* The kind operand of DefinePrivateMethod and NamePrivateMethod. */
enum
{
  JS_PRIVATE_METHOD = 0,
  JS_PRIVATE_GETTER = 1,
  JS_PRIVATE_SETTER = 2,
  JS_PRIVATE_KIND_MASK = 3,
  JS_PRIVATE_NAMED = 4, /* the function has its name already */
  JS_PRIVATE_PAIR = 8,  /* completes the accessor an earlier member of
                           the same name began */
};

/* The operand signature of each opcode. */
extern const char *const js_op_signature[JS_OP_COUNT];
extern const char *const js_op_name[JS_OP_COUNT];

/* Error kinds for ThrowError. */
typedef enum
{
  JS_ERROR_TYPE,
  JS_ERROR_REFERENCE,
  JS_ERROR_SYNTAX,
  JS_ERROR_RANGE,
} JsErrorKind;

/* An exception handler: a throw between start and end (bytecode
 * offsets) jumps to target with the exception in acc. */
typedef struct
{
  uint32_t start;  /* first covered offset */
  uint32_t end;    /* first offset after the covered range */
  uint32_t target; /* handler's offset */
} JsHandler;

/* One entry of an inline cache: what one receiver shape (or, for calls,
 * one callee) led to.  Shapes, holders and targets are weak: the GC
 * empties an entry whose cell died, so a new cell born at the same
 * address can never match it. */
typedef struct
{
  union
  {
    JsShape *shape;   /* receiver's shape, or NULL when empty */
    JsCell *target;   /* calls: the callee's JsCode, or the native
                         function itself */
  };
  JsShape *shape2;    /* stores: shape after a transition */
  JsObject *holder;   /* loads: prototype holding the property, or NULL;
                         globals: the global object or script scope;
                         calls (entry 0): the closure called last */
  uint32_t slot;      /* the property's slot, encoded (ic.h) */
  uint32_t epoch;     /* prototype (globals: global) epoch when cached */
} JsICEntry;

/* How many receivers an inline cache remembers before it gives up and
 * goes megamorphic. */
#define JS_IC_POLY_MAX 4u

/* Where a cache stands (ic.h explains the transitions). */
typedef enum
{
  JS_IC_UNINIT, /* never filled */
  JS_IC_MONO,   /* one entry */
  JS_IC_POLY,   /* two to JS_IC_POLY_MAX entries */
  JS_IC_MEGA,   /* saw more: no longer caches */
} JsICState;

/* An inline cache: its first entry in place (what the interpreter's fast
 * paths test), the others in a side array made when it turns
 * polymorphic. */
typedef struct
{
  union
  {
    JsShape *shape;   /* entry 0, as in JsICEntry */
    JsCell *target;
  };
  JsShape *shape2;
  JsObject *holder;
  uint32_t slot;
  uint32_t epoch;
  uint8_t state;      /* JsICState */
  uint8_t n_more;     /* entries in use in more */
  uint8_t pad[6];     /* unused */
  JsICEntry *more;    /* g_malloc'd JS_IC_POLY_MAX - 1 entries, or NULL */
} JsIC;

/* Code flags. */
enum
{
  JS_CODE_STRICT = 1 << 0,
  JS_CODE_ARROW = 1 << 1,
  JS_CODE_GENERATOR = 1 << 2,
  JS_CODE_ASYNC = 1 << 3,
  JS_CODE_CLASS_CONSTRUCTOR = 1 << 4, /* throws when called without new */
  JS_CODE_DERIVED = 1 << 5,           /* this starts empty */
  JS_CODE_METHOD = 1 << 6,            /* has a home object; no prototype */
  JS_CODE_NEEDS_ARGS = 1 << 7,        /* keep extra args for arguments/rest */
  JS_CODE_SCRIPT = 1 << 8,            /* a script's top level */
  JS_CODE_EVAL = 1 << 9,              /* eval code */
  JS_CODE_MODULE = 1 << 10,
  JS_CODE_CONSTRUCTOR = 1 << 11,      /* may be called with new */
  JS_CODE_IN_FUNCTION = 1 << 12,      /* arrows and eval code: inside a
                                         non-arrow function (an eval there
                                         may use new.target) */
  JS_CODE_FIELD_INIT = 1 << 13,       /* a field initializer, an arrow or
                                         eval code in one (an eval there
                                         may not use arguments) */
  JS_CODE_VAR_OBJECT = 1 << 14,       /* compiled with var_slots: a
                                         global name is looked for among
                                         the variable object's own
                                         properties first */
};

/* Source text shared by all the code compiled from one script. */
typedef struct
{
  int refcount;       /* code objects holding it */
  char *filename;     /* as given, UTF-8 */
  char *text;         /* UTF-8 source, for Function.prototype.toString */
  size_t length;      /* bytes of text */
} JsSource;

/* A compiled function: an internal cell. */
typedef struct JsCode JsCode;
struct JsCode
{
  JsShape *shape;        /* header: rt's code shape */
  uint8_t *bytecode;     /* g_malloc'd, immutable */
  JsValue *consts;       /* g_malloc'd constant pool, traced */
  JsIC *ics;             /* g_malloc'd inline caches */
  JsHandler *handlers;   /* g_malloc'd handler table */
  uint8_t *lines;        /* g_malloc'd pc → line:column deltas */
  JsSource *source;      /* shared, refcounted */
  JsString *name;        /* the function's name, or NULL */
  JsCode *next_code;     /* all live code of the runtime (IC clearing) */
  JsCode **prev_code;    /* the link pointing at this */
  struct JsICStat *ic_stats; /* g_malloc'd counters per cache, made when
                                gscript.ic.stats first counts, or NULL */
  uint32_t bytecode_len; /* bytes of bytecode */
  uint32_t n_consts;     /* constants */
  uint32_t n_ics;        /* caches */
  uint32_t n_handlers;   /* handlers */
  uint32_t lines_len;    /* bytes of the line table */
  uint32_t flags;        /* JS_CODE_* */
  uint32_t n_params;     /* parameter registers (r1 .. r(n_params)) */
  uint32_t length;       /* the function's length property */
  uint32_t n_regs;       /* registers after the parameters */
  uint32_t this_props;   /* properties the code stores into this by name:
                            the inline room of the objects new makes */
  uint32_t src_start;    /* byte offsets of the function's source text */
  uint32_t src_end;
  uint32_t line;         /* where the function starts */
  uint32_t column;
};

/* Reads operands. */
static inline uint16_t
bc_u16 (const uint8_t *p)
{
  uint16_t v;
  memcpy (&v, p, sizeof v);
  return v;
}

static inline uint32_t
bc_u32 (const uint8_t *p)
{
  uint32_t v;
  memcpy (&v, p, sizeof v);
  return v;
}

static inline int32_t
bc_i32 (const uint8_t *p)
{
  int32_t v;
  memcpy (&v, p, sizeof v);
  return v;
}

/* Whether op has a long form (executed after a Wide prefix). */
static inline bool
bc_has_long_form (JsOpcode op)
{
  switch (op)
    {
    case JS_OP_Ldar:
    case JS_OP_Star:
    case JS_OP_Mov:
    case JS_OP_LdaConst:
    case JS_OP_LdaEnv:
    case JS_OP_StaEnv:
      return true;
    default:
      return false;
    }
}

/* Bytes an operand of kind c takes in the short (1) or long (2) form. */
static inline uint32_t
bc_operand_size (char c, bool wide)
{
  switch (c)
    {
    case 'j':
    case 's':
      return 4;
    default:
      return wide ? 4 : 2;
    }
}

/* Length of the instruction at pc (with a Wide prefix, both together). */
uint32_t bc_instruction_length (const uint8_t *pc);
