// Fazhi charts: every <script type="application/json" data-chart="ID"> holds an ECharts option for the element #ID.
// ECharts (lib/echarts, Apache-2.0) is loaded only on pages that have a chart; re-rendered after enhanced navigation.
(function () {
    "use strict";
    var loading = null;

    function load() {
        if (window.echarts) {
            return Promise.resolve();
        }
        if (!loading) {
            loading = new Promise(function (resolve, reject) {
                var s = document.createElement("script");
                s.src = "/lib/echarts/echarts.min.js";
                s.onload = resolve;
                s.onerror = reject;
                document.head.appendChild(s);
            });
        }
        return loading;
    }

    function render() {
        var blocks = document.querySelectorAll('script[type="application/json"][data-chart]');
        if (blocks.length === 0) {
            return;
        }
        load().then(function () {
            blocks.forEach(function (block) {
                var el = document.getElementById(block.getAttribute("data-chart"));
                if (!el) {
                    return;
                }
                var old = window.echarts.getInstanceByDom(el);
                if (old) {
                    old.dispose();
                }
                window.echarts.init(el).setOption(JSON.parse(block.textContent));
            });
        });
    }

    window.addEventListener("resize", function () {
        document.querySelectorAll("[_echarts_instance_]").forEach(function (el) {
            var chart = window.echarts && window.echarts.getInstanceByDom(el);
            if (chart) {
                chart.resize();
            }
        });
    });
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", render);
    } else {
        render();
    }
    if (window.Blazor && window.Blazor.addEventListener) {
        window.Blazor.addEventListener("enhancedload", render);
    }
})();
