import type { Dictionary } from "./dictionary";
import { route } from "@/lib/site/routes";

/**
 * The home page's words (Spanish). Links are site paths without the locale prefix: the page adds "/es".
 */
export const home: Dictionary["home"] = {
  title: "Tratamiento ambulatorio intensivo para el consumo de alcohol y drogas",
  what: "Un programa ambulatorio intensivo (IOP, por sus siglas en inglés) es un tratamiento con horario fijo, por lo general de 9 horas o más por semana, mientras usted vive en su casa y sigue con su trabajo, sus estudios o su familia.",
  who: "Puede servirles a adultos que necesitan más apoyo que una consulta de terapia por semana, pero que no necesitan atención las 24 horas ni ayuda médica para dejar de beber o de consumir sin riesgo.",
  call: "Llame a admisiones",
  message: "Envíenos un mensaje",
  callAnsweredBy: {
    "center-staff": "En el horario de admisiones, le atiende nuestro propio personal de admisiones.",
    "answering-service": "En el horario de admisiones, un servicio de contestación recibe su llamada y le pasa su mensaje a nuestro personal de admisiones.",
  },
  callPromise: "No le vamos a presionar, y le diremos si otro tipo de atención le conviene más.",
  pathsHeading: "¿Por dónde le gustaría empezar?",
  paths: [
    {
      href: route("/articles/what-is-iop"),
      label: "Busco ayuda para mí",
      blurb: "Qué es un IOP, para quién es y cómo es una semana.",
    },
    {
      href: route("/articles/helping-a-loved-one"),
      label: "Me preocupa un ser querido",
      blurb: "Cómo hablar del tema, cómo ayudar y cómo cuidarse usted también.",
    },
    {
      href: route("/articles/referring-to-iop"),
      label: "Soy profesional y quiero referir a un paciente",
      blurb: "Para quién es el IOP, cómo referir y cómo compartir expedientes de forma segura.",
    },
  ],
  /** Under the three paths, for the reader who is not sure they need help (the self-check page). */
  selfCheck: { href: route("/self-check"), label: "¿Tiene dudas sobre cuánto bebe? Vea qué puede hacer" },
  startHeading: "Empiece aquí",
  startHere: ["what-is-iop", "typical-week-in-iop", "how-long-does-iop-last", "cost-and-insurance"],
  allArticles: "Ver todos los artículos",
  programHeading: "Nuestro programa",
  tracksHeading: "Horarios del programa",
  hoursHeading: "Horario de admisiones",
  costHeading: "Cómo pagar la atención",
  costLink: "Cuánto cuesta aquí y cómo revisar su cobertura",
};
