// widgets.js: the one script an embedding page includes. It registers the elements; heavy parts load lazily.
import { setDefaultApiBase } from "./api-base";
import { MlEmployerChart } from "./chart-element";
import { define } from "./define";

setDefaultApiBase(import.meta.url);
define("ml-employer-chart", MlEmployerChart);

export { MlEmployerChart };
