import type { Dictionary } from "./dictionary";

/**
 * Words of the article diagrams (Spanish, usted, glossary of content/es/WRITING.md). Wording follows the Spanish
 * articles they illustrate (iop-treatment-process, admissions-what-to-expect, how-long-does-iop-last, levels-of-care,
 * typical-week-in-iop); change it there first. Labels run about a fifth longer than the English ones: the diagrams
 * wrap and measure every label (components/diagrams/svg.tsx).
 */
export const diagrams: Dictionary["diagrams"] = {
  /** "lunes, martes y viernes" (no comma before "y"). */
  list: (items: readonly string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} y ${items[items.length - 1]}`),
  process: {
    title: "El proceso de tratamiento, desde la primera llamada hasta la atención continua",
    steps: [
      { title: "Primera llamada", text: "Haga sus preguntas. Admisiones revisa que el IOP sea seguro para usted." },
      { title: "Evaluación", text: "Una conversación privada con un profesional sobre seis áreas de su vida." },
      { title: "Plan de tratamiento", text: "Usted y su equipo fijan metas juntos, con sus propias palabras." },
      {
        title: "Sesiones del IOP",
        text: "Unas horas al día, varios días por semana, mientras vive en su casa:",
        parts: ["Grupo", "Individual", "Familia", "Medicamentos, si hacen falta"],
      },
      { title: "Bajar de nivel", text: "Menos horas cada semana, a medida que se siente más estable." },
      {
        title: "Atención continua y prevención de recaídas",
        text: "Un plan para los detonantes y las ansias de consumir, con grupos de apoyo y citas de seguimiento.",
      },
    ],
    note: "Los pasos a menudo se superponen, y su plan puede cambiar en el camino. Si necesita más apoyo, la atención puede volver a subir de nivel.",
    descIntro: "Los pasos del tratamiento, en orden.",
    descStep: (n: number, title: string, text: string, parts: readonly string[] | undefined) =>
      `Paso ${n}, ${title}: ${text}${parts ? ` ${parts.join(", ")}.` : ""}`,
    caption: (note: string) => `Desde su primera llamada hasta la atención continua. ${note}`,
  },
  week: {
    title: "Semana de ejemplo: los días en que se reúne cada turno del programa",
    label: "Semana de ejemplo",
    sessions: "Sesiones",
    noSessions: "Sin sesiones",
    /** Day names, Monday first, and their short forms on the chips (lower case, as Spanish writes them). */
    days: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    shortDays: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    hours: (n: number) => `${n} horas por semana`,
    descIntro: "Semana de ejemplo.",
    descTrack: (name: string, hours: string, schedule: string) => `${name}, ${hours}: ${schedule.replace(/\.$/, "")}.`,
    descDays: (on: string, off: string | null) => `Sesiones: ${on}${off ? `; sin sesiones: ${off}` : ""}.`,
    caption:
      "Semana de ejemplo de cada turno del programa, con los días, los horarios y las horas de nuestro horario actual. Su propio plan se decide con su equipo de atención.",
  },
  taper: {
    title: "Cómo bajan las horas por semana: un ejemplo, no un horario fijo",
    flag: "Ejemplo, no un horario fijo",
    phases: {
      early: { label: "Al inicio", text: "Horario completo del IOP: 9 horas o más por semana." },
      middle: { label: "A mitad", text: "Horario completo, por el tiempo que lo necesite." },
      steppingDown: { label: "Bajar de nivel", text: "Menos días o sesiones más cortas. Una reducción corta todavía puede contar como IOP." },
      outpatient: { label: "Ambulatoria", text: "Menos de 9 horas por semana, a menudo una o dos sesiones." },
      aftercare: { label: "Atención continua", text: "Grupos de apoyo, citas de seguimiento, acompañamiento en la recuperación o grupos de exalumnos." },
    },
    groups: { iop: "IOP (Nivel 2.1 de la ASAM)", outpatient: "Atención ambulatoria regular (Nivel 1)", aftercare: "Después del tratamiento formal" },
    lineLabel: "9 horas por semana: el mínimo del IOP para adultos",
    nineHours: "9 horas",
    legend: "Las barras muestran las horas de cada semana. La línea punteada marca 9 horas por semana, el mínimo del IOP para adultos.",
    axis: "Horas por semana",
    outpatientLevel: "Nivel 1",
    time: "Tiempo → (cuánto dura cada fase cambia de una persona a otra)",
    desc: (flag: string, phases: string) =>
      `${flag}. Cómo suelen bajar con el tiempo las horas de tratamiento por semana, fase por fase. Una línea marca 9 horas por semana, el mínimo del IOP (Nivel 2.1 de la ASAM) para adultos. ${phases} Cuánto dura cada fase cambia de una persona a otra.`,
    descPhase: (label: string, group: string, text: string) => `${label} (${group}): ${text}`,
    caption: (flag: string) =>
      `${flag}. Las horas por semana suelen bajar por etapas, desde un horario completo del IOP hasta la atención ambulatoria y luego la atención continua. Cuánto dura cada etapa depende de usted.`,
  },
  levels: {
    title: "Niveles de atención, de la atención ambulatoria a la hospitalaria",
    levels: {
      outpatient: { level: "Nivel 1", name: "Atención ambulatoria", detail: "Menos de 9 horas por semana. Usted vive en su casa." },
      iop: { level: "Nivel 2.1", name: "Programa ambulatorio intensivo (IOP)", detail: "9 horas o más por semana. Usted vive en su casa." },
      php: { level: "Nivel 2.5", name: "Hospitalización parcial (PHP)", detail: "20 horas o más por semana. Usted vive en su casa." },
      residential: {
        level: "Nivel 3",
        name: "Tratamiento residencial",
        detail: "Atención las 24 horas: usted vive en el lugar, con personal de día y de noche.",
      },
      inpatient: { level: "Nivel 4", name: "Atención hospitalaria con manejo médico", detail: "Atención médica y de enfermería las 24 horas en un hospital." },
    },
    here: "Este programa",
    moreCare: "Más atención",
    lessCare: "Menos atención",
    descIntro: "Niveles de atención, de menos a más atención, con las horas para adultos.",
    descLevel: (level: string, name: string, detail: string, here: string | null) => `${level}, ${name}${here ? ` (${here.toLowerCase()})` : ""}: ${detail}`,
    caption:
      "Niveles de atención según los Criterios de la ASAM (3.ª edición), de menos a más atención. Las horas son para adultos. Este programa es ambulatorio intensivo, Nivel 2.1.",
  },
};
