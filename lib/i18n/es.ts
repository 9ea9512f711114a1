import type { Dictionary } from "./dictionary";
import { diagrams } from "./diagrams.es";
import { home } from "./home.es";
import { inquiryText } from "./inquiry.es";
import { selfCheckText } from "./self-check.es";

const hoursAWeek = (n: number) => `${n} horas por semana`;
const l = inquiryText.labels;

/**
 * The Spanish dictionary: every interface string the Spanish pages show, speak or publish. Written for Spanish
 * readers in the United States, not word for word from the English: usted throughout, neutral Latin American Spanish,
 * the terms of the glossary in content/es/WRITING.md (programa ambulatorio intensivo (IOP), turno, atención continua,
 * trastorno por consumo de sustancias, naloxona…). Crisis numbers come from lib/site/crisis.ts through the slots.
 */
export const es: Dictionary = {
  site: {
    title: (centerName: string) => `${centerName}: tratamiento ambulatorio intensivo para la adicción`,
    titleTemplate: (centerName: string) => `%s | ${centerName}`,
    description: (centerName: string) =>
      `Información clara sobre los programas ambulatorios intensivos (IOP) para el consumo de alcohol y drogas, y cómo comunicarse con ${centerName}.`,
  },
  languageName: "Español",
  skipToContent: "Ir al contenido principal",
  nav: {
    label: "Principal",
    menu: "Menú",
    home: "Inicio",
    articles: "Aprenda sobre el IOP",
    faq: "Preguntas frecuentes",
    forFamilies: "Para familias",
    forProfessionals: "Para profesionales",
    cost: "Costo y seguro médico",
    about: "Quiénes somos",
    contact: "Comuníquese con nosotros",
  },
  callUs: "Llame al",
  /** El botón de llamada del encabezado cuando la fila es estrecha; su nombre accesible sigue siendo callUs y el número. */
  callShort: "Llamar",
  callBar: {
    label: "Llamar a admisiones",
    /** {hours} es el horario de admisiones, en forma breve. */
    hours: (hours: string) => `Abierto ${hours}`,
  },
  crisis: {
    /** 988 answers in Spanish after pressing {press} on a call; {lifeline} and {emergency} are links. */
    strip: "¿Está en crisis? Llame al {lifeline} y marque {press} para español. En una emergencia, llame al {emergency}.",
    /** La misma franja, breve, para letra grande en un teléfono. */
    stripShort: "Crisis: {lifeline}, marque {press}. Emergencia: {emergency}.",
    heading: "¿Necesita ayuda ahora mismo?",
    overdose: "Si alguien puede estar teniendo una sobredosis: llame al {emergency} y, si la tiene, dele {naloxone}.",
    naloxone: "naloxona",
    otherEmergency: "Para cualquier otra emergencia, llame también al {emergency}.",
    /**
     * 988 in Spanish (988lifeline.org, "What to Expect"): press {press} on a call, or text the keyword {keyword}. The links
     * under this sentence say both, so the sentence does not repeat them (the block stays short on a phone).
     */
    lifeline: "Línea {lifeline} de Prevención del Suicidio y Crisis: gratis, a cualquier hora, también para crisis por consumo de sustancias.",
    call: "Llame al {number} y marque {press}",
    text: "Envíe {keyword} al {number}",
    chat: "Chat en español",
    /** SAMHSA's FAQ: English or Spanish by phone (choose a national representative); the HELP4U text service is English only. */
    samhsa:
      "Línea Nacional de Ayuda de SAMHSA: información y referidos a tratamiento, gratis y a cualquier hora. Por teléfono, en inglés o en español (elija un representante nacional); por texto, solo en inglés.",
    samhsaTty: "TTY",
    more: "Más formas de recibir ayuda",
    /** On Spanish pages the Spanish 988 line is the visible one, so the hint has no {spanish} part. */
    moreHint: "para veteranos y en lengua de señas (ASL)",
    moreSpanish: "En español",
    spanish: "¿Habla español? Llame al {tel} y marque {press}, o envíe {keyword} en un mensaje de texto al {sms}. También puede {chat}.",
    spanishChat: "chatear en español",
    veterans: "Veteranos, miembros de las Fuerzas Armadas y sus familias: llame al {tel} y marque {press}, o envíe un texto al {sms}.",
    deaf: "¿Es sordo o tiene dificultad para oír y usa la lengua de señas americana (ASL)? Llame al {number} desde un videoteléfono para hablar por señas con un consejero. {more}",
    deafMore: "Más formas de comunicarse en ASL (en inglés)",
    notForEmergencies: "Nadie revisa nuestro formulario de contacto las 24 horas, y no es para emergencias.",
  },
  footer: {
    identity: "Sobre este centro",
    hours: "Horario",
    licenses: "Licencias",
    accreditation: "Acreditación",
    placeholder: "Este sitio muestra datos de ejemplo de un centro ficticio. Los nombres, los números y las licencias son solo ejemplos.",
    admissions: "Admisiones",
    main: "Línea principal",
    fax: "Fax",
    nav: "Sitio",
  },
  article: {
    onThisPage: "En esta página",
    minRead: (n: number) => `${n} min de lectura`,
    updated: "Actualizado el",
    lastReviewed: "Última revisión con sus fuentes",
    reviewedBy: (name: string, credentials: string) => `Revisión clínica de ${name}, ${credentials}.`,
    notClinicallyReviewed: "Ningún profesional clínico con nombre ha revisado todavía este artículo.",
    references: "Fuentes",
    related: "Artículos relacionados",
    disclaimer:
      "Este artículo es información general, no un consejo médico. Hable con un médico o con un profesional de tratamiento sobre su propia situación.",
    ctaHeading: "Hable con nuestro equipo de admisiones",
    ctaBody:
      "¿Tiene preguntas sobre si el IOP es adecuado para usted o para un ser querido? Llámenos, o envíenos un mensaje corto y le devolveremos la llamada.",
    ctaForm: "Enviar un mensaje",
    breadcrumbHome: "Inicio",
    breadcrumbArticles: "Artículos",
    breadcrumbLabel: "Ruta de navegación",
    aboutLabel: "Sobre este artículo",
    referenceLabel: (n: number) => `Fuente ${n}`,
    /** "(en inglés)", after a source that has no Spanish edition, as federal Spanish pages mark such links. */
    sourceLanguage: (language: string) => `(en ${language})`,
    tableRegion: "Tabla (en pantallas pequeñas se desplaza hacia los lados)",
    /** Los enlaces de una fuente de vuelta a donde el artículo la cita. */
    backToText: "Volver al texto",
    backToCitation: (n: number) => `Volver al texto, donde se cita la fuente ${n}`,
    backToCitationOf: (n: number, k: number, of: number) => `Volver a la cita ${k} de ${of} de la fuente ${n}`,
  },
  articles: {
    title: "Aprenda sobre el tratamiento ambulatorio intensivo",
    intro: "Guías en palabras sencillas sobre qué es un IOP, cómo funciona, cuánto cuesta y cómo elegir un programa. Cada una indica sus fuentes.",
  },
  categories: {
    basics: { label: "Lo básico del IOP", blurb: "Qué es el tratamiento ambulatorio intensivo, cuánto dura y cómo es una semana." },
    safety: { label: "Para estar a salvo", blurb: "Cómo prevenir una sobredosis y cómo pasar los síntomas de abstinencia sin riesgo." },
    treatment: { label: "Tratamiento y terapias", blurb: "Las terapias y los pasos que forman un programa." },
    evidence: { label: "Investigación y resultados", blurb: "Lo que muestran los estudios y cómo leer lo que dice un programa." },
    planning: { label: "Planear y pagar la atención", blurb: "Niveles de atención, admisión, costo y cómo elegir un programa." },
    families: { label: "Para familias", blurb: "Cómo ayudar a un ser querido, y cómo cuidarse usted." },
    professionals: { label: "Para profesionales", blurb: "Cómo referir a un paciente y compartir expedientes de forma segura." },
  },
  notFound: {
    title: "No encontramos esa página",
    body: "Puede que el enlace sea viejo o tenga un error. Estas páginas pueden ayudarle:",
  },
  trustPages: {
    about: {
      title: "Quiénes somos y cómo escribimos",
      description: "Quién dirige este centro, sus licencias y su acreditación, y cómo buscamos las fuentes, revisamos y corregimos nuestros artículos.",
    },
    privacy: {
      title: "Aviso de privacidad",
      description: "Qué recoge este sitio (sin rastreadores ni cookies), qué guarda el formulario de contacto, quién lo ve y por cuánto tiempo lo guardamos.",
    },
    nondiscrimination: {
      title: "No discriminación y ayuda con el idioma",
      description: "Intérpretes gratis y ayuda para personas con discapacidades, nuestro aviso de no discriminación y la accesibilidad de este sitio.",
    },
    updated: "Actualizado el",
  },
  center: {
    // "9:00 a. m.", as content/es/WRITING.md writes hours (the Real Academia's form); a no-break space keeps it on one line.
    am: "a.\u00a0m.",
    pm: "p.\u00a0m.",
    /** "lunes a viernes: de 8:00 a. m. a 8:00 p. m." */
    hours: (days: string, open: string, close: string) => `${days}: de ${open} a ${close}`,
    hoursCompact: (days: string, open: string, close: string) => `${days}, de ${open} a ${close}`,
    /** "lunes a viernes: de 8:00 a. m. a 5:00 p. m., hora central" */
    inTimeZone: (hours: string, zone: string) => `${hours}, ${zone}`,
    inTimeZoneShort: (hours: string, zone: string) => `${hours} (${zone})`,
    weekDays: { Monday: "lunes", Tuesday: "martes", Wednesday: "miércoles", Thursday: "jueves", Friday: "viernes", Saturday: "sábado", Sunday: "domingo" },
    /** "lunes, martes y jueves, de 6:00 p. m. a 9:00 p. m." */
    schedule: (days: string, start: string, end: string) => `${days}, de ${start} a ${end}`,
    trackFormat: { "in-person": "en persona", virtual: "en línea por video", hybrid: "en persona o en línea por video" },
    track: (schedule: string, hoursPerWeek: number, format: string) => `${schedule} (${hoursAWeek(hoursPerWeek)}, ${format})`,
    medicationsOnSite: (centerName: string, names: string) => `${centerName} receta aquí ${names}, junto con la terapia.`,
    medicationsNoneOnSite: (centerName: string) => `${centerName} no receta en el centro medicamentos para los trastornos por consumo de sustancias.`,
    medicationPartner: (partner: string, names: string) =>
      `Para ${names}, trabajamos con ${partner}, así que usted puede empezar o seguir ese tratamiento mientras está en el programa.`,
    medicationNames: {
      buprenorphine: "buprenorfina",
      methadone: "metadona",
      naltrexone: "naltrexona",
      acamprosate: "acamprosato",
      disulfiram: "disulfiram",
    },
    afterHours: {
      voicemail: (hours: number) =>
        `Fuera del horario de admisiones, puede dejar un mensaje de voz. Admisiones le devuelve la llamada en un plazo de ${hours} horas hábiles.`,
      "answering-service": (hours: number) =>
        `Fuera del horario de admisiones, un servicio de contestación toma su mensaje. No puede darle consejos médicos. Admisiones le devuelve la llamada en un plazo de ${hours} horas hábiles.`,
      "on-call-clinician": (hours: number) =>
        `Fuera del horario de admisiones, le atiende un profesional clínico de guardia. Para todo lo demás, admisiones le devuelve la llamada en un plazo de ${hours} horas hábiles.`,
    },
    afterHoursShort: {
      voicemail: (hours: number) => `Fuera de ese horario: deje un mensaje de voz; le llamamos en un plazo de ${hours} horas hábiles.`,
      "answering-service": (hours: number) =>
        `Fuera de ese horario: un servicio de contestación toma su mensaje; le llamamos en un plazo de ${hours} horas hábiles.`,
      "on-call-clinician": () => `Fuera de ese horario: le atiende un profesional clínico de guardia.`,
    },
    afterHoursHelpNow: (lifeline: string, emergency: string) =>
      `Si necesita ayuda ahora mismo, llame o envíe un texto al ${lifeline}, a cualquier hora. En una emergencia, llame al ${emergency}.`,
    virtualTracks: (tracks: string, regions: string) =>
      `Sesiones virtuales por video seguro: ${tracks}. Durante cada sesión usted tiene que estar en ${regions}, porque los profesionales solo pueden atender donde tienen licencia.`,
    noVirtualTracks: (centerName: string) => `${centerName} ofrece su programa solo en persona.`,
    drugTesting: {
      none: (centerName: string) => `${centerName} no usa pruebas de drogas en su programa.`,
      tests: (centerName: string, samples: string, timing: string) => `${centerName} usa pruebas de ${samples}, ${timing}.`,
      samples: { urine: "orina", "oral-fluid": "saliva", breath: "aliento" },
      timing: {
        scheduled: "en días fijos",
        random: "en días al azar",
        "when-clinically-needed": "solo cuando su equipo de atención tiene un motivo clínico",
      },
      positiveKeepsCare:
        "Aquí, un resultado positivo no es motivo para dejar el programa. Su equipo lo habla con usted y puede cambiar su plan para darle más apoyo.",
      positiveMayEndCare: "Pregunte en admisiones qué pasa después de un resultado positivo, porque puede afectar su lugar en el programa.",
    },
    responseBy: { nextBusinessDay: "antes del final del siguiente día hábil", withinBusinessDays: (n: number) => `en un plazo de ${n} días hábiles` },
    languageHelp: {
      staffSpeak: (language: string) => `Nuestro personal de admisiones habla ${language}.`,
      interpreter: (language: string) =>
        `Nuestro personal de admisiones no habla ${language}: le hablaremos con la ayuda de un intérprete, sin costo para usted.`,
      noInterpreter: (language: string) => `Nuestro personal de admisiones no habla ${language}, y por ahora no podemos ofrecerle un intérprete.`,
      otherLanguages: "Para otros idiomas, le conseguimos un intérprete sin costo para usted.",
      staffLanguages: (languages: string) => `Nuestro personal habla ${languages}.`,
      noOtherLanguages: "Por ahora no podemos ofrecerle un intérprete para otros idiomas.",
    },
    /** Relay: desde cualquier teléfono de los EE. UU., el 711 comunica con un servicio de retransmisión, que hace la llamada. */
    accessibleContact: {
      relay: (phone: string) => `Si usa un servicio de retransmisión (relay), marque 711 y pida que le comuniquen con admisiones al ${phone}.`,
      tty: (number: string) => `Si usa un TTY, llame a nuestra línea TTY al ${number}.`,
      text: (number: string) => `Para comunicarse con admisiones por texto, envíe un mensaje de texto al ${number}.`,
      none: (email: string) =>
        `Todavía no tenemos una línea TTY ni de mensajes de texto. Para comunicarse con admisiones sin llamar, use nuestro formulario de contacto o escriba a ${email}.`,
    },
    serves: {
      agesFrom: (min: number) => `Atendemos a personas de ${min} años o más.`,
      agesBetween: (min: number, max: number) => `Atendemos a personas de ${min} a ${max} años.`,
      populations: (groups: string) => `Tenemos grupos o personal capacitado para ${groups}.`,
    },
    leader: (name: string, credentials: string, role: string) => `${name}, ${credentials} (${role})`,
    leadershipNotNamed: "Todavía no se ha nombrado a nadie",
    listSeparator: "; ",
    admissionsContactType: "admisiones",
  },
  answers: {
    cost: {
      heading: "Cuánto cuesta aquí",
      privatePlans: "Seguro médico privado",
      medicaid: "Medicaid",
      otherCoverage: "Medicare, TRICARE y VA",
      selfPay: "Pago por cuenta propia",
      checkCoverage: "Revise su cobertura",
      medicare: "Medicare",
      tricare: "TRICARE",
      vaCommunityCare: "atención comunitaria del VA",
      plansIn: (plans: string) => `Estamos dentro de la red de ${plans}.`,
      plansNone: "No estamos dentro de la red de ningún plan de seguro médico privado. Pregunte en admisiones si su plan paga atención fuera de la red.",
      weTake: (names: string) => `Aceptamos ${names}.`,
      weDoNotTake: (names: string) => `No aceptamos ${names}.`,
      takeNone: "Por ahora no aceptamos seguros médicos ni cobertura pública.",
      per: { week: "por semana", program: "por todo el programa", session: "por sesión" },
      selfPayPrice: (price: string, per: string) => `El precio del pago por cuenta propia es de ${price} ${per}.`,
      selfPayCovers: (covers: string) => `Incluye: ${covers}.`,
      selfPayAsk: "Pregunte en admisiones el precio actual del pago por cuenta propia.",
      slidingScale: "Si sus ingresos son bajos, una tarifa reducida según sus ingresos puede bajar el precio.",
      noSlidingScale: "No ofrecemos una tarifa reducida según los ingresos.",
      freeCheck: "Antes de su primera visita, admisiones revisa sus beneficios sin costo.",
      noFreeCheck: "Antes de su primera visita, llame al número de servicios para miembros que aparece en su tarjeta del seguro para revisar sus beneficios.",
      callAt: "Llame a admisiones al",
      form: (field: string) => ({
        before: "O use nuestro",
        link: "formulario de contacto",
        after: `: escriba el nombre de su compañía de seguro en “${field}” y le responderemos.`,
      }),
      neverMemberId: "Escriba solo el nombre de la compañía. Nunca envíe por el sitio un número de miembro, un número de grupo ni una foto de su tarjeta.",
    },
    referrals: {
      heading: "Cómo hacer un referido: cómo comunicarse con nosotros",
      line: "Línea de referidos",
      fax: "Fax seguro",
      hours: "Horario de referidos",
      assessment: "Del referido a la evaluación",
      businessDays: (n: number) =>
        n === 0
          ? "Por lo general, el mismo día hábil, una vez que tenemos el referido completo."
          : `Por lo general, ${n} ${n === 1 ? "día hábil" : "días hábiles"}, una vez que tenemos el referido completo.`,
      whatToSend: "Qué enviar",
      records: "Cómo viajan los expedientes de forma segura",
    },
    families: {
      heading: "Lo que ofrecemos a las familias",
      openToAll: "Abierto para usted aunque su ser querido no sea paciente de este centro.",
      patientsOnly: "Para familias de personas en nuestro programa.",
      none: "Pregunte en admisiones qué apoyo ofrecemos a las familias.",
      ask: "Para participar o hacer preguntas, llame a admisiones al",
    },
    opioids: {
      call: (number: string) => `Llame al ${number}`,
    },
  },
  trustFacts: {
    name: "Nombre",
    address: "Dirección",
    admissionsPhone: "Teléfono de admisiones",
    email: "Correo electrónico",
    hours: "Horario",
    serviceArea: "Zona de servicio",
    licenses: "Licencias",
    accreditation: "Acreditación",
    noneListed: "Ninguna indicada",
    levelOfCare: "Nivel de atención",
    levelOfCareValue: (tracks: string) => `Ambulatorio intensivo (Nivel 2.1 de la ASAM) para adultos: ${tracks}`,
    levelOfCareTrack: (name: string, hoursPerWeek: number) => `${name}, ${hoursAWeek(hoursPerWeek)}`,
    serves: "A quién atendemos",
    clinicalLeadership: "Dirección clínica",
    languages: "Idiomas",
    accessibleContact: "Personas sordas o con dificultad para oír",
    inquiryFields: [
      `Para quién es la consulta (${Object.values(inquiryText.roles).join("; ")})`,
      l.name,
      `${l.phone} o ${l.email.toLowerCase()}, o los dos`,
      `${l.contactMethod.replace(/[¿?]/g, "")} y ${l.bestTime.toLowerCase()}`,
      "Si podemos dejarle un mensaje de voz o enviarle un texto",
      l.language,
      `${l.insurance} (opcional, solo el nombre de la compañía)`,
      `${l.organization} (para profesionales que hacen un referido)`,
      "Un mensaje corto (opcional; le pedimos que no incluya detalles médicos)",
      "Su permiso para que nos comuniquemos con usted",
    ],
    placeholder: "Texto de ejemplo: el centro debe escribir este texto",
    editionReviewers: {
      some: (language: string, names: string) => `Revisa las páginas en ${language}: ${names}.`,
      none: (language: string) =>
        `Todavía ninguna persona revisora con nombre que lea ${language} ha revisado las páginas en ${language}. Cuando eso cambie, lo diremos aquí.`,
    },
  },
  home,
  inquiry: inquiryText,
  inquiryResponses: {
    forbidden: "Este formulario solo se puede enviar desde nuestro sitio web.",
    unsupportedType: "Tipo de contenido no admitido.",
    tooLarge: "Ese mensaje es demasiado largo para enviarlo.",
    malformed: "No pudimos leer el formulario. Por favor, inténtelo de nuevo.",
  },
  selfCheck: selfCheckText,
  diagrams,
};
