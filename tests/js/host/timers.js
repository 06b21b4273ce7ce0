// setTimeout, setInterval, clearTimeout, clearInterval and the main
// loop: the program runs until no timer is left; promise jobs run after
// each callback.
const order = [];
setTimeout(() => order.push('late'), 40);
setTimeout((x, y) => order.push(x + y), 0, 'a', 'b');
const cancelled = setTimeout(() => order.push('never'), 1);
clearTimeout(cancelled);
clearTimeout(12345);        // unknown ids are ignored
let ticks = 0;
const iv = setInterval(() => {
  ticks++;
  Promise.resolve().then(() => order.push('job' + ticks));
  if (ticks === 3)
    clearInterval(iv);
}, 1);
setTimeout(() => {
  print(order.join(' '));
  print(ticks);
  setTimeout(() => print('nested timer'), 1);
}, 80);
print(typeof iv, iv > 0);   // expect: number true
try {
  setTimeout('code');
} catch (e) {
  print(e.message);         // expect: The first argument of setTimeout must be a function
}
// expect: ab job1 job2 job3 late
// expect: 3
// expect: nested timer
