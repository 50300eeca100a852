// Unit picker tree (ADR 0041): a click on a unit fills the input the picker serves. Without this script the datalist still
// searches and posts; the tree then reads as a list. Delegated, so it survives enhanced navigation.
document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('[data-pick-value]') : null;
    if (!b) return;
    e.preventDefault();
    var input = document.getElementById(b.getAttribute('data-pick-for'));
    if (!input) return;
    input.value = b.getAttribute('data-pick-value');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    var tree = b.closest('details.picker-tree');
    if (tree) tree.open = false;
    input.focus();
});
