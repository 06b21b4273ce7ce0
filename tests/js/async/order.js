// Async functions: synchronous start, resumption order through the job
// queue, rejections caught by try/catch and by the returned promise.
async function f(x) { print("start", x); const y = await x; print("after", y); return y * 2; }
const p = f(21); // expect: start 21
print("sync end", typeof p.then); // expect: sync end function
p.then(v => print("resolved", v));
async function g() { try { await Promise.reject(new Error("no")); } catch (e) { print("caught", e.message); } return "g done"; }
g().then(print);
const a = async () => { await null; throw new TypeError("arrow"); };
a().catch(e => print("rejected", e.name));
(async function () { for (let i = 0; i < 3; i++) await i; print("loop done"); })();
// expect: after 21
// expect: caught no
// expect: resolved 42
// expect: g done
// expect: rejected TypeError
// expect: loop done
