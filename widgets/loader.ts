// widgets.js: the one script an embedding page includes. It registers the elements; heavy parts load lazily.
import { setDefaultApiBase } from "./api-base";
import { askEarly, MlEmployerChart } from "./chart-element";
import { MlEmployerCompare } from "./compare-element";
import { define } from "./define";
import { MlEmployerFact } from "./fact-element";
import { MlEmployerProfile } from "./profile-element";
import { MlEmployerRanking } from "./ranking-element";

setDefaultApiBase(import.meta.url);
askEarly();
define("ml-employer-chart", MlEmployerChart);
define("ml-employer-ranking", MlEmployerRanking);
define("ml-employer-compare", MlEmployerCompare);
define("ml-employer-fact", MlEmployerFact);
define("ml-employer-profile", MlEmployerProfile);

export { MlEmployerChart, MlEmployerCompare, MlEmployerFact, MlEmployerProfile, MlEmployerRanking };
