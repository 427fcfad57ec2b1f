// Print buttons: <button data-afdrukken>. Kept out of the page because the CSP forbids inline script.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-afdrukken]")) {
    window.print();
  }
});
