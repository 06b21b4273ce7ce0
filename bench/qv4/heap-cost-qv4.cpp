/* heap-cost-qv4.cpp — the bytes one value costs in the heap of Qt's QML
 * engine (QV4), for comparison with bench/heap-cost.c.
 *
 * It runs the same cases (bench/js/heap-cost.js) in a QJSEngine.  QV4
 * publishes no heap statistics in its public API, so the figures come
 * from its log category qt.qml.gc.allocatorStats: each collection logs the
 * managed memory in use ("Used memory after GC") and the memory of large
 * items.  Memory QV4 keeps outside its heap (a Map's hash table, for
 * one) is malloc'd: the growth of glibc's mallinfo2() counts it.
 *
 * Not part of the meson build (the project does not depend on Qt):
 *   g++ -O2 -fPIC bench/qv4/heap-cost-qv4.cpp -o /tmp/heap-cost-qv4 \
 *       $(pkg-config --cflags --libs Qt6Qml)
 *   /tmp/heap-cost-qv4 bench/js/heap-cost.js
 */
#include <QCoreApplication>
#include <QFile>
#include <QJSEngine>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <cstdio>
#include <malloc.h>

static long long used_after_gc = -1;
static long long large_after_gc = -1;

/* Picks the two figures out of the collector's log lines. */
static void
gc_log_handler (QtMsgType, const QMessageLogContext &, const QString &msg)
{
  static const QRegularExpression used ("Used memory after GC:\\s*(\\d+)");
  static const QRegularExpression large (
      "Large item memory after GC:\\s*(\\d+)");
  QRegularExpressionMatch m = used.match (msg);
  if (m.hasMatch ())
    used_after_gc = m.captured (1).toLongLong ();
  m = large.match (msg);
  if (m.hasMatch ())
    large_after_gc = m.captured (1).toLongLong ();
}

struct Reading
{
  long long managed; /* QV4's heap: slots and large items */
  long long malloced; /* everything malloc'd in the process */
};

static Reading
collect (QJSEngine &engine)
{
  used_after_gc = large_after_gc = -1;
  engine.collectGarbage ();
  if (used_after_gc < 0)
    qFatal ("no qt.qml.gc.allocatorStats output");
  struct mallinfo2 mi = mallinfo2 ();
  return { used_after_gc + (large_after_gc > 0 ? large_after_gc : 0),
           (long long) mi.uordblks };
}

int
main (int argc, char **argv)
{
  QCoreApplication app (argc, argv);
  QLoggingCategory::setFilterRules ("qt.qml.gc.allocatorStats=true");
  qInstallMessageHandler (gc_log_handler);
  QString path = argc > 1 ? argv[1] : "bench/js/heap-cost.js";
  QFile file (path);
  if (!file.open (QIODevice::ReadOnly))
    qFatal ("cannot read %s", qPrintable (path));
  QJSEngine engine;
  QJSValue r = engine.evaluate (QString::fromUtf8 (file.readAll ()), path);
  if (r.isError ())
    qFatal ("%s", qPrintable (r.toString ()));
  QJSValue global = engine.globalObject ();
  int count = global.property ("heapCostCount").call ().toInt ();
  std::printf ("%-34s %8s %12s %12s\n", "value", "n", "managed each",
               "+malloc each");
  for (int k = 0; k < count; k++)
    {
      QJSValueList arg = { QJSValue (k) };
      double n = global.property ("heapCostPrepare").call (arg).toNumber ();
      Reading before = collect (engine);
      QJSValue filled = global.property ("heapCostFill").call (arg);
      if (filled.isError ())
        qFatal ("%s", qPrintable (filled.toString ()));
      Reading after = collect (engine);
      global.property ("heapCostRelease").call ();
      QString name = global.property ("heapCostName").call (arg).toString ();
      std::printf ("%-34s %8.0f %12.1f %12.1f\n", qPrintable (name), n,
                   (after.managed - before.managed) / n,
                   (after.managed - before.managed + after.malloced
                    - before.malloced) / n);
    }
  return 0;
}
