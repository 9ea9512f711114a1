import type { Dictionary } from "./dictionary";

/**
 * Las palabras de la página de autoevaluación (español): la página alrededor del cuestionario. En español no hay
 * cuestionario con puntaje (ninguna versión en español de su editor: lib/self-check/exceptions.ts), así que esta
 * página explica por qué y da los pasos sencillos. Nunca una traducción propia de un cuestionario validado. Los
 * números de crisis los ponen los componentes desde lib/site/crisis.ts.
 */
export const selfCheckText: Dictionary["selfCheck"] = {
  title: { withCheck: "Una revisión privada de su consumo de alcohol", withoutCheck: "¿Le preocupa cuánto bebe?" },
  description: {
    withCheck: "Unas preguntas para revisar su consumo de alcohol, con el puntaje calculado en su propio dispositivo. Para adultos. No es un diagnóstico.",
    withoutCheck: "¿Tiene dudas sobre cuánto bebe? Por qué aún no hay un cuestionario en español, y pasos sencillos que puede dar hoy. Para adultos.",
  },
  intro: "¿Tiene dudas sobre su consumo de alcohol? Esta página le ayuda a verlo con calma y a encontrar un próximo paso.",
  adultsOnly: "Esta revisión es para adultos de 18 años o más.",
  privacy:
    "Sus respuestas nunca se guardan ni se registran: con JavaScript no salen de su dispositivo, y sin JavaScript se usan una sola vez para mostrarle el resultado y después se descartan.",
  notDiagnosis: "Esto es una evaluación inicial, no un diagnóstico. Solo un profesional de la salud puede diagnosticar un trastorno por consumo de alcohol.",
  unavailable: {
    licensePending: {
      heading: "Todavía no hay un cuestionario en esta página",
      body: [
        "Aún estamos confirmando que podemos publicar aquí las preguntas que pensamos usar. Mientras tanto, los recursos de abajo son un buen punto de partida.",
      ],
    },
    noPublisherVersion: {
      heading: "Todavía no hay un cuestionario en español",
      body: [
        "Un cuestionario con puntaje solo da un resultado confiable con las preguntas exactas que escribieron y probaron sus autores.",
        "Las preguntas que usamos en inglés no tienen una versión en español publicada por sus autores. No queremos traducirlas nosotros: una traducción propia podría cambiar lo que miden.",
        "Por eso, esta página no tiene un cuestionario. Abajo encontrará pasos sencillos que puede dar hoy mismo.",
      ],
    },
  },
  niaaaHeading: "Información gratuita del NIAAA",
  niaaa:
    "El NIAAA es el instituto del gobierno de EE. UU. que investiga el alcohol. En español, explica qué es el trastorno por consumo de alcohol y cómo se trata: {link}.",
  niaaaLink: "Comprensión del trastorno por consumo de alcohol",
  nextHeading: "Qué puede hacer ahora",
  next: {
    talkNow:
      "Para hablar ahora con alguien en español, llame al {lifeline} y marque {press}, o envíe {keyword} por mensaje de texto al {lifelineSms}. Es gratis y atiende a cualquier hora.",
    doctor: "Hable con su médico o con una clínica de atención primaria. Puede contarles que tiene dudas sobre cuánto bebe.",
    samhsa:
      "Llame a la Línea Nacional de Ayuda de SAMHSA al {samhsa}. Es gratis y atiende a cualquier hora. Por teléfono le atienden en español, y le pueden referir a servicios cerca de usted.",
    findTreatment: "Busque tratamiento cerca de usted en {findTreatment}, un sitio federal gratuito.",
    findTreatmentName: "FindTreatment.gov",
    us: "Llame a nuestro equipo de admisiones al {phone}. Podemos hablar de sus opciones, aquí o en otro lugar.",
    notUs: "Nada en esta página quiere decir que usted necesita nuestro programa. Somos una opción entre muchas.",
  },
  alwaysHeading: "Bueno saber",
  withdrawal:
    "Si su cuerpo puede depender del alcohol, dejar de beber de golpe puede ser peligroso. Hable antes con un médico: un médico le puede ayudar a dejarlo sin riesgo. {link}",
  withdrawalLink: "Lea sobre los síntomas de abstinencia y la desintoxicación.",
  pregnancy: "Si está embarazada o podría estarlo: no se conoce ninguna cantidad de alcohol que sea segura durante el embarazo.",
  pregnancySource: "Fuente: CDC (en inglés)",
  opioids: "Si también consume opioides, tenga {naloxone} a la mano y aprenda {overdose}.",
  naloxone: "naloxona",
  overdose: "cómo prevenir una sobredosis",
  otherDrugs:
    "Esta página trata del alcohol. Si le preocupan otras drogas, los mismos pasos sirven: su médico, la Línea Nacional de Ayuda de SAMHSA y FindTreatment.gov sirven para cualquier sustancia.",
};
