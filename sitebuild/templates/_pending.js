/* Runs while the page is parsed, before the numbers below are painted: inputs from a shared
   link or from this tab's earlier visit are not the defaults the numbers were computed for,
   so they are hidden until calculator.js has compared the form with them (issue 13.2). */
(function () {
  var root = document.currentScript.parentElement, own = false;
  try {
    var keys = Object.keys(JSON.parse(root.getAttribute("data-defaults")));
    new URLSearchParams(location.search).forEach(function (value, name) {
      if (keys.indexOf(name.split(".")[0]) >= 0) own = true;
    });
    if (sessionStorage.getItem("kalkulator:" + location.pathname + "#" + root.id)) own = true;
  } catch (error) {
    /* storage switched off: the link alone decides */
  }
  if (own) root.setAttribute("data-pending", "start");
})();
