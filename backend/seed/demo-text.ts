/** Words for demo tickets: what real requesters write, in Spanish and English. */

export type DemoLang = 'es' | 'en';
export interface DemoProblem {
  title: string;
  description: string;
}

export const CATEGORY_NAMES: Record<string, { es: string; en: string }> = {
  network: { es: 'Red y conectividad', en: 'Network and connectivity' },
  hardware: { es: 'Equipos y hardware', en: 'Hardware' },
  software: { es: 'Aplicaciones', en: 'Software' },
  access: { es: 'Accesos y permisos', en: 'Access and permissions' },
  email: { es: 'Correo electrónico', en: 'Email' },
  printing: { es: 'Impresión', en: 'Printing' },
};

const PLACES = {
  es: [
    'la 2.ª planta',
    'recepción',
    'la sala Mediterráneo',
    'el almacén',
    'la oficina de Valencia',
    'contabilidad',
  ],
  en: [
    'the 2nd floor',
    'reception',
    'the Atlantic meeting room',
    'the warehouse',
    'the London office',
    'accounts',
  ],
};
const APPS = ['SAP', 'Teams', 'Excel', 'Outlook', 'el ERP', 'Salesforce', 'la VPN', 'Chrome'];
const APPS_EN = ['SAP', 'Teams', 'Excel', 'Outlook', 'the ERP', 'Salesforce', 'the VPN', 'Chrome'];

type Template = (pick: <T>(list: readonly T[]) => T) => DemoProblem;

const TEMPLATES: Record<string, Record<DemoLang, Template[]>> = {
  network: {
    es: [
      (p) => ({
        title: `Sin conexión a internet en ${p(PLACES.es)}`,
        description: `Desde esta mañana no hay red en ${p(PLACES.es)}. El cable está conectado pero el equipo dice «Sin acceso a internet». Afecta a varios compañeros.`,
      }),
      () => ({
        title: 'La VPN se desconecta cada pocos minutos',
        description:
          'Trabajo desde casa y la VPN se corta cada 5-10 minutos. Tengo que volver a introducir la contraseña cada vez. Mi conexión de casa funciona bien.',
      }),
      () => ({
        title: 'Wi-Fi de invitados muy lento',
        description:
          'Los clientes que vienen a reuniones se quejan de que la Wi-Fi de invitados va lentísima. Un test de velocidad da menos de 1 Mbps.',
      }),
    ],
    en: [
      (p) => ({
        title: `No network on ${p(PLACES.en)}`,
        description: `Since this morning nobody on ${p(PLACES.en)} can reach the network. Cables are plugged in but Windows says "No internet access".`,
      }),
      () => ({
        title: 'VPN drops every few minutes',
        description:
          'Working from home, the VPN disconnects every 5 to 10 minutes and asks for my password again. My home broadband is fine.',
      }),
      () => ({
        title: 'Cannot reach the file server',
        description:
          'Mapped drive S: shows a red cross and opening it says the network path was not found. Colleagues next to me have the same problem.',
      }),
    ],
  },
  hardware: {
    es: [
      () => ({
        title: 'El portátil no enciende',
        description:
          'Mi portátil no enciende desde ayer. Lo he dejado cargando toda la noche y el piloto de carga no se ilumina.',
      }),
      () => ({
        title: 'Pantalla con rayas verticales',
        description:
          'El monitor externo muestra rayas verticales de colores. He probado otro cable HDMI y sigue igual.',
      }),
      () => ({
        title: 'Teclado derramado con café',
        description:
          'Se me ha caído café sobre el teclado del portátil y ahora varias teclas no responden (la E, la R y el espacio).',
      }),
    ],
    en: [
      () => ({
        title: 'Laptop will not power on',
        description:
          'My laptop does not turn on. It was charging all night and the charging light stays off.',
      }),
      () => ({
        title: 'Docking station not detecting monitors',
        description:
          'After the last update my docking station no longer shows anything on the two external monitors. USB still works.',
      }),
      () => ({
        title: 'Battery drains in one hour',
        description:
          'The battery goes from 100% to empty in about an hour, even with only email open. It used to last a whole day.',
      }),
    ],
  },
  software: {
    es: [
      (p) => ({
        title: `${p(APPS)} se cierra al abrir un archivo`,
        description: `Cada vez que intento abrir un documento, ${p(APPS)} se cierra sin mensaje. He reiniciado el equipo y sigue pasando.`,
      }),
      () => ({
        title: 'Necesito instalar Power BI Desktop',
        description:
          'Para el informe trimestral necesito Power BI Desktop. No tengo permisos de administrador para instalarlo.',
      }),
      () => ({
        title: 'Error al generar facturas en el ERP',
        description:
          'Al generar facturas aparece «Error 504: tiempo de espera agotado». Es urgente porque hoy es cierre de mes.',
      }),
    ],
    en: [
      (p) => ({
        title: `${p(APPS_EN)} crashes on start`,
        description: `${p(APPS_EN)} closes immediately after the splash screen. I have restarted twice.`,
      }),
      () => ({
        title: 'Please install Visual Studio Code',
        description: 'I need VS Code for the new reporting scripts. Software Center does not list it.',
      }),
      () => ({
        title: 'Excel macros blocked',
        description:
          'Since yesterday Excel says "Microsoft has blocked macros from running" on our budget workbook, which we use every day.',
      }),
    ],
  },
  access: {
    es: [
      () => ({
        title: 'Cuenta bloqueada',
        description:
          'He introducido mal la contraseña varias veces y ahora mi cuenta está bloqueada. No puedo iniciar sesión en nada.',
      }),
      () => ({
        title: 'Acceso a la carpeta de Recursos Humanos',
        description:
          'Me he incorporado al equipo de RR. HH. y necesito acceso de lectura y escritura a la carpeta compartida de RR. HH.',
      }),
      () => ({
        title: 'Alta de usuario para nueva incorporación',
        description:
          'El lunes se incorpora Marta Ruiz a Compras. Necesita cuenta, correo y acceso al ERP con el perfil de compradora.',
      }),
    ],
    en: [
      () => ({
        title: 'Account locked out',
        description:
          'I mistyped my password a few times and now my account is locked. I cannot sign in to anything.',
      }),
      () => ({
        title: 'Need access to the Finance SharePoint',
        description:
          'I moved to the Finance team and need edit access to the Finance SharePoint site. My manager has approved it.',
      }),
      () => ({
        title: 'MFA codes not arriving',
        description:
          'The authenticator app no longer shows prompts after I changed phones. I cannot sign in to email from the new phone.',
      }),
    ],
  },
  email: {
    es: [
      () => ({
        title: 'No recibo correos externos',
        description:
          'Desde ayer no me llegan correos de clientes externos. Los internos sí llegan. Un cliente dice que le devuelve un error.',
      }),
      () => ({
        title: 'Buzón lleno',
        description:
          'Outlook dice que mi buzón está lleno y no puedo enviar correos. ¿Se puede ampliar el espacio?',
      }),
      () => ({
        title: 'Correo sospechoso de phishing',
        description:
          'He recibido un correo que parece del banco pidiendo confirmar mis datos. No he pulsado el enlace. Lo reenvío como adjunto.',
      }),
    ],
    en: [
      () => ({
        title: 'Not receiving external email',
        description:
          'Since yesterday, email from outside the company does not arrive. Internal mail is fine. A customer got a bounce.',
      }),
      () => ({
        title: 'Shared mailbox missing in Outlook',
        description:
          'The support@ shared mailbox disappeared from my Outlook after the update. I still need to answer customers from it.',
      }),
      () => ({
        title: 'Suspicious phishing email',
        description:
          'I received an email pretending to be from IT asking me to reset my password on an external site. I did not click.',
      }),
    ],
  },
  printing: {
    es: [
      (p) => ({
        title: `La impresora de ${p(PLACES.es)} no imprime`,
        description: `Los trabajos se quedan en cola en la impresora de ${p(PLACES.es)}. La pantalla de la impresora no muestra errores.`,
      }),
      () => ({
        title: 'Atasco de papel continuo',
        description:
          'La impresora grande da atasco de papel en la bandeja 2 cada pocas hojas, aunque no hay papel atascado.',
      }),
      () => ({
        title: 'No puedo escanear a correo',
        description: 'La función de escanear a correo electrónico da error de autenticación SMTP.',
      }),
    ],
    en: [
      (p) => ({
        title: `Printer on ${p(PLACES.en)} not printing`,
        description: `Jobs sit in the queue for the printer on ${p(PLACES.en)}. The printer display shows no error.`,
      }),
      () => ({
        title: 'Toner low on the colour printer',
        description:
          'The colour printer says toner is low (cyan). We have a client presentation to print tomorrow.',
      }),
      () => ({
        title: 'Scan to email fails',
        description: 'Scan to email gives an SMTP authentication error on the main copier.',
      }),
    ],
  },
};

export const CATEGORY_SLUGS = Object.keys(TEMPLATES);

export function demoProblem(
  category: string,
  lang: DemoLang,
  pick: <T>(list: readonly T[]) => T,
): DemoProblem {
  const templates = TEMPLATES[category]?.[lang] ?? TEMPLATES.software!.en;
  return pick(templates)(pick);
}

export const REQUESTERS = {
  es: [
    'Carmen García',
    'José Martínez',
    'Laura Sánchez',
    'Javier Romero',
    'Marta Ruiz',
    'Pablo Navarro',
    'Elena Torres',
    'Sergio Gil',
    'Nuria Vidal',
    'Raúl Moreno',
  ],
  en: [
    'Emily Clarke',
    'James Wilson',
    'Olivia Brown',
    'Daniel Evans',
    'Sophie Turner',
    'Liam Walker',
    'Grace Hall',
    'Noah Wright',
  ],
};

export const AGENT_REPLIES = {
  es: [
    'Hola, estamos revisándolo. Le mantenemos informado.',
    'Gracias por el aviso. ¿Puede indicarnos desde cuándo ocurre?',
    'Le he asignado la incidencia y me pongo con ella ahora mismo.',
  ],
  en: [
    'Hi, we are looking into it and will keep you posted.',
    'Thanks for reporting this. Since when has it been happening?',
    'I have picked this up and am working on it now.',
  ],
};
export const INTERNAL_NOTES = [
  'Revisado el log del servidor, sin errores. / Server log checked, nothing there.',
  'Posible relación con el cambio de ayer en el firewall.',
  'Escalated to vendor, case #48213.',
];
export const RESOLUTIONS = {
  es: [
    'Reiniciado el servicio y comprobado con el usuario.',
    'Sustituido el equipo por uno de préstamo.',
    'Restablecida la contraseña y desbloqueada la cuenta.',
    'Reinstalada la aplicación; funciona correctamente.',
  ],
  en: [
    'Restarted the service and confirmed with the user.',
    'Replaced the device with a loaner.',
    'Password reset and account unlocked.',
    'Reinstalled the application; working again.',
  ],
};
export const PENDING_REASONS = {
  es: ['Esperando respuesta del usuario.', 'Pendiente de pieza del proveedor.'],
  en: ['Waiting for the user to reply.', 'Waiting for a part from the vendor.'],
};
