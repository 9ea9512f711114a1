import type { Dictionary } from "./dictionary";
import { route } from "@/lib/site/routes";

// Mensajes de validación que comparten varios pares (campo, código).
const role = "Elija para quién es esta consulta.";
const name = "Escriba un nombre o cómo quiere que le llamemos.";
const singleLine = "Escriba esto en una sola línea, sin saltos de línea.";
const phone = "Escriba un número de teléfono de 10 dígitos, como 555-010-0100.";
const email = "Escriba un correo electrónico como nombre@example.com.";
const contactMethod = "Elija cómo quiere que nos comuniquemos con usted.";
const bestTime = "Elija la mejor hora para comunicarnos con usted.";
const voicemailOk = "Díganos si podemos dejarle un mensaje de voz.";
const textOk = "Díganos si podemos enviarle un mensaje de texto.";
const language = "Elija el idioma en que prefiere que le hablemos.";
/** Where a referring professional sends records instead, from the center's config when it has them. */
const recordsBy = (fax?: string, line?: string) =>
  `Envíe los expedientes por fax seguro${fax ? ` al ${fax}` : ""} o llame a nuestra línea de referidos${line ? ` al ${line}` : ""}.`;
const insurance = "Escriba solo el nombre de la compañía de seguro, no un número de miembro ni de grupo.";
const message = "Escriba un mensaje de 1,000 caracteres o menos.";
const consent = "Marque la casilla para aceptar que nos comuniquemos con usted, o llámenos.";
const hiddenChars = "Quite los caracteres de control o de dirección del texto que no se ven (a menudo vienen con un texto pegado).";

/** Words of the inquiry form (Spanish, usted): labels, hints and every validation message. */
export const inquiryText: Dictionary["inquiry"] = {
  title: "Comuníquese con admisiones",
  intro: "Envíe un mensaje corto y nuestro equipo de admisiones le llamará o le escribirá. Solo necesita decirnos cómo comunicarnos con usted.",
  responseTime: (when: string) => `Le respondemos ${when}.`,
  phoneAlternative: "¿Prefiere hablar ahora?",
  errorTitlePrefix: "Error:",
  required: "obligatorio",
  optional: "opcional",
  requiredForReferrals: "obligatorio para referidos",
  legend: {
    who: "¿Para quién es esta consulta?",
    reach: "¿Cómo podemos comunicarnos con usted?",
    permissions: "Mensajes",
    more: "Un poco más (opcional)",
  },
  roles: {
    self: "Para mí",
    "loved-one": "Para un ser querido",
    professional: "Soy profesional y quiero referir a un paciente",
  },
  labels: {
    name: "Su nombre, o cómo quiere que le llamemos",
    organization: "Su organización",
    phone: "Número de teléfono",
    email: "Correo electrónico",
    contactMethod: "¿Cómo prefiere que nos comuniquemos con usted?",
    bestTime: "Mejor hora para comunicarnos con usted",
    voicemailOk: "Pueden dejarme un mensaje de voz en este número",
    textOk: "Pueden enviarme mensajes de texto a este número",
    language: "Idioma en que prefiere que le hablemos",
    insurance: "Compañía de seguro médico, o pago por cuenta propia",
    message: "Algo que quiera que sepamos antes de llamarle",
    consent: "Acepto que el personal de admisiones se comunique conmigo sobre esta consulta.",
    website: "Deje este campo vacío",
  },
  hints: {
    name: "Puede ser un apodo.",
    organization: "Para referidos: su consultorio, agencia o empleador.",
    phoneOrEmail: "Denos un número de teléfono, un correo electrónico o los dos.",
    professional: (fax?: string, line?: string) =>
      `Denos solo sus propios datos de contacto, sin nombres, fechas de nacimiento ni números de expediente de pacientes. ${recordsBy(fax, line)}`,
    voicemail:
      "Dejamos mensajes neutros que no nombran el programa, salvo que usted diga que sí se puede. Las dos casillas están sin marcar hasta que usted las marque.",
    insurance: "Solo el nombre de la compañía, como “Medicaid” o “pago por cuenta propia”. Por favor, no escriba un número de miembro ni de grupo.",
    message: "Por favor, no escriba detalles médicos, diagnósticos ni medicamentos. De eso hablaremos por teléfono.",
  },
  options: {
    contactMethod: { phone: "Llamada", text: "Mensaje de texto", email: "Correo electrónico" },
    bestTime: { any: "Cualquier hora", morning: "Mañana", afternoon: "Tarde", evening: "Noche" },
    language: { en: "Inglés", es: "Español", other: "Otro idioma" },
    languageOtherWithInterpreter: "Otro idioma (le conseguimos un intérprete)",
  },
  submit: "Enviar consulta",
  sending: "Enviando…",
  errorSummary: "Por favor, corrija lo siguiente:",
  errorCount: (n: number) => (n === 1 ? "Hay 1 problema en su consulta" : `Hay ${n} problemas en su consulta`),
  networkError: "No pudimos enviar su consulta. No se perdió nada de lo que escribió: por favor, inténtelo de nuevo o llámenos.",
  rateLimited: "Llegaron demasiadas consultas desde esta conexión. Sus datos siguen aquí: por favor, inténtelo de nuevo más tarde o llámenos.",
  unavailable: {
    lead: "En este momento no podemos guardar su consulta. No se perdió nada de lo que escribió.",
    call: (phone: string) => `Llame a admisiones al ${phone}`,
    retry: "o intente enviarla de nuevo en unos minutos.",
  },
  privacyHeading: "Su privacidad",
  privacySummary: (days: number) => `Solo nuestro personal de admisiones ve lo que usted envía, y lo borramos ${days} días después de que le llega.`,
  privacySummaryLink: "Más sobre su privacidad",
  privacyLink: "Lea nuestro aviso de privacidad completo",
  privacy: (days: number) =>
    `Solo nuestro personal de admisiones recibe su consulta, por correo electrónico y en nuestros registros seguros. La guardamos ${days} días después de que les llega y luego la borramos. Este sitio no usa anuncios, rastreadores ni herramientas de análisis, y no vendemos ni compartimos su información.`,
  errors: {
    role: { required: role, invalid: role, wrong_type: role },
    name: {
      required: name,
      invalid: name,
      wrong_type: name,
      too_long: "Use 80 caracteres o menos para su nombre.",
      single_line: singleLine,
      control_chars: hiddenChars,
    },
    organization: {
      invalid: singleLine,
      wrong_type: "Escriba el nombre de su organización como texto.",
      too_long: "Use 120 caracteres o menos para la organización.",
      single_line: singleLine,
      control_chars: hiddenChars,
      need_organization: "Escriba su organización, para saber quién hace el referido.",
    },
    phone: {
      invalid: phone,
      wrong_type: phone,
      too_long: phone,
      control_chars: hiddenChars,
      need_contact: "Escriba un número de teléfono o un correo electrónico para poder comunicarnos con usted.",
      need_phone: "Para que le llamemos o le enviemos un texto, escriba un número de teléfono.",
    },
    email: {
      invalid: email,
      wrong_type: email,
      too_long: email,
      control_chars: hiddenChars,
      need_email: "Para que le escribamos por correo, escriba un correo electrónico.",
    },
    contactMethod: { required: contactMethod, invalid: contactMethod, wrong_type: contactMethod },
    bestTime: { required: bestTime, invalid: bestTime, wrong_type: bestTime },
    voicemailOk: { required: voicemailOk, invalid: voicemailOk, wrong_type: voicemailOk },
    textOk: {
      required: textOk,
      invalid: textOk,
      wrong_type: textOk,
      need_text_ok: "Para que le enviemos textos, marque “Pueden enviarme mensajes de texto a este número”.",
    },
    language: { required: language, invalid: language, wrong_type: language },
    insurance: {
      invalid: insurance,
      wrong_type: "Escriba el nombre de la compañía de seguro como texto, o deje el campo vacío.",
      too_long: "Use 80 caracteres o menos para la compañía de seguro.",
      single_line: singleLine,
      control_chars: hiddenChars,
      member_id: insurance,
    },
    message: {
      invalid: message,
      wrong_type: "Escriba su mensaje como texto simple.",
      too_long: message,
      control_chars: hiddenChars,
      // El mensaje de un profesional que parece incluir la fecha de nacimiento, el número de expediente o el SSN de un paciente.
      patient_identifiers: (fax?: string, line?: string) =>
        `Quite de su mensaje la fecha de nacimiento, el número de expediente o el número de Seguro Social. ${recordsBy(fax, line)}`,
    },
    consent: { required: consent, invalid: consent, wrong_type: consent },
  },
  thanks: {
    title: "Gracias. Recibimos su consulta.",
    next: (when: string) =>
      `Una persona de nuestro equipo de admisiones se comunicará con usted ${when}, de la forma que usted pidió. Si dijo que no podemos dejarle un mensaje de voz, no lo haremos.`,
    callInstead: "Si prefiere no esperar, llame a admisiones:",
    hoursHeading: "Horario de admisiones",
    meanwhile: "Mientras espera, estas páginas pueden serle útiles:",
    links: [
      { href: route("/articles/admissions-what-to-expect"), label: "Qué pasa después de comunicarse con nosotros" },
      { href: route("/articles/what-is-iop"), label: "¿Qué es un programa ambulatorio intensivo?" },
      { href: route("/articles/cost-and-insurance"), label: "Cómo pagar el IOP" },
    ],
    notEmergency:
      "Este formulario no es para emergencias. Si necesita ayuda ahora, los números de “¿Necesita ayuda ahora mismo?”, al final de esta página, funcionan a cualquier hora.",
  },
};
