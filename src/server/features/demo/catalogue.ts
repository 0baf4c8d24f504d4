import type { Country } from '../../../domain/demo-data.js';

/**
 * The fixed cast of the demo workspace: Northwind, a company selling operations-planning software
 * to mid-market firms across Europe and the US. Every name is invented.
 */

export type DemoPersonKey = 'admin' | 'manager' | 'rep1' | 'rep2' | 'rep3' | 'rep4';

export const DEMO_EMAIL_DOMAIN = 'demo.advance.test';
export const DEMO_PASSWORD = 'explore-advance';
export const DEMO_WORKSPACE_NAME = 'Northwind Demo';
export const DEMO_TIME_ZONE = 'Europe/London';
export const DEMO_TEAM_NAME = 'EMEA Mid-Market';

export const DEMO_PEOPLE: Record<DemoPersonKey, { name: string; role: 'admin' | 'manager' | 'rep'; timeZone: string }> = {
  admin: { name: 'Priya Raman', role: 'admin', timeZone: 'Europe/London' },
  manager: { name: 'Daniel Okafor', role: 'manager', timeZone: 'Europe/London' },
  rep1: { name: 'Sophie Laurent', role: 'rep', timeZone: 'Europe/Paris' },
  rep2: { name: 'Jonas Weber', role: 'rep', timeZone: 'Europe/Berlin' },
  rep3: { name: 'Emily Carter', role: 'rep', timeZone: 'Europe/London' },
  rep4: { name: 'Marcus Reid', role: 'rep', timeZone: 'America/New_York' },
};

export const demoEmail = (key: DemoPersonKey) =>
  `${DEMO_PEOPLE[key].name.toLowerCase().replace(/[^a-z]+/g, '.')}@${DEMO_EMAIL_DOMAIN}`;

/** The person a demo visitor is signed in as. */
export const DEMO_SIGN_IN_AS: DemoPersonKey = 'manager';

export type CatalogueAccount = {
  name: string;
  domain: string;
  country: Country;
  industry: string;
  size: '11-50' | '51-200' | '201-1000' | '1001-5000' | '5001+';
  notes: string;
  /** Territories: Sophie covers France and southern Europe, Jonas DACH, the Netherlands and the
   *  Nordics, Emily the UK and Ireland, Marcus North America plus British and Irish firms with US parents;
   *  Daniel keeps two strategic accounts himself. */
  owner: DemoPersonKey;
};

const a = (name: string, domain: string, country: Country, industry: string, size: CatalogueAccount['size'], notes: string, owner: DemoPersonKey): CatalogueAccount => ({
  name,
  domain,
  country,
  industry,
  size,
  notes,
  owner,
});

export const DEMO_ACCOUNTS: readonly CatalogueAccount[] = [
  a('Kestrel Logistics', 'kestrel-logistics.co.uk', 'GB', 'Logistics', '1001-5000', 'Third-party logistics across 14 UK depots. Planning still runs on spreadsheets owned by each depot manager.', 'rep3'),
  a('Brightwater Foods', 'brightwaterfoods.co.uk', 'GB', 'Food & beverage', '201-1000', 'Chilled ready meals for two supermarket chains. Waste from over-production is a board-level topic this year.', 'rep3'),
  a('Halden Maschinenbau', 'halden-mb.de', 'DE', 'Industrial manufacturing', '1001-5000', 'Family-owned maker of packaging machines near Stuttgart. New COO came from an automotive supplier and wants S&OP.', 'rep2'),
  a('Vireo Santé', 'vireo-sante.fr', 'FR', 'Healthcare', '201-1000', 'Network of private clinics around Lyon. Staff rostering across sites is their stated pain.', 'rep1'),
  a('Meridian Freight', 'meridianfreight.com', 'US', 'Logistics', '5001+', 'Freight forwarder headquartered in Chicago. Only the EMEA division is in scope for now.', 'rep4'),
  a('Corvid Analytics', 'corvid-analytics.ie', 'IE', 'Software', '51-200', 'Data consultancy and a reseller candidate. Interested in the integrations hub for their own clients.', 'rep3'),
  a('Tamar Energy', 'tamar-energy.co.uk', 'GB', 'Energy', '1001-5000', 'Regional utility; field-service planning for 600 engineers. Long procurement cycle, framework agreement required.', 'manager'),
  a('Oakridge Retail Group', 'oakridgeretail.com', 'US', 'Retail', '5001+', 'Home-goods retailer with 220 stores. Pilot with the Boston distribution centre went well last year.', 'rep4'),
  a('Solvent Chemie', 'solvent-chemie.de', 'DE', 'Industrial manufacturing', '1001-5000', 'Specialty chemicals; strict IT security review (ISO 27001 questionnaire on file).', 'rep2'),
  a('Atelier Moreau', 'ateliermoreau.fr', 'FR', 'Retail', '201-1000', 'Premium furniture brand with 35 showrooms. Seasonal demand planning is done twice a year by hand.', 'rep1'),
  a('Van Dijk Bouw', 'vandijkbouw.nl', 'NL', 'Construction', '1001-5000', 'Construction group in Utrecht. Wants to plan crews and equipment across projects in one place.', 'rep2'),
  a('Lumen Telecom', 'lumen-telecom.ie', 'IE', 'Telecommunications', '201-1000', 'Fibre installer in Dublin and Cork. Growth is limited by how fast they can schedule installers.', 'rep3'),
  a('Granite Capital Partners', 'granitecp.ie', 'IE', 'Financial services', '51-200', 'Private-equity firm; could introduce us to their portfolio companies if the first rollout works.', 'rep4'),
  a('Fjord Seafood', 'fjordseafood.se', 'SE', 'Food & beverage', '201-1000', 'Processes and exports salmon. Shelf life makes planning errors expensive.', 'rep2'),
  a('Harbour Health Trust', 'harbourhealth.co.uk', 'GB', 'Healthcare', '5001+', 'NHS supplier of patient transport. Public tender expected next spring.', 'manager'),
  a('Calder Engineering', 'calder-eng.co.uk', 'GB', 'Industrial manufacturing', '201-1000', 'Precision parts for aerospace. Existing customer of our Planning suite since 2022.', 'rep3'),
  a('Nimbus Cloud Services', 'nimbuscloud.com', 'US', 'Software', '201-1000', 'Managed hosting provider in Austin. Evaluating us and two competitors for capacity planning.', 'rep4'),
  a('Riverside Foods', 'riverside-foods.nl', 'NL', 'Food & beverage', '1001-5000', 'Frozen vegetables for retail and food service. Three plants, one planning team in Rotterdam.', 'rep2'),
  a('Pioneer Bildung', 'pioneer-bildung.de', 'DE', 'Education', '201-1000', 'Vocational training provider in Berlin. Scheduling trainers and rooms across 12 campuses.', 'rep2'),
  a('Orchard Pharma', 'orchardpharma.ie', 'IE', 'Healthcare', '1001-5000', 'Contract manufacturer. Validation requirements (GxP) mean long implementations.', 'rep3'),
  a('Saltire Distilling', 'saltiredistilling.co.uk', 'GB', 'Food & beverage', '51-200', 'Whisky and gin producer in Edinburgh. Small team, quick decisions, tight budget.', 'rep3'),
  a('Alder & Finch', 'alderfinch.co.uk', 'GB', 'Professional services', '201-1000', 'Engineering consultancy. Resource planning across 300 consultants is the use case.', 'rep1'),
  a('Ember Renovables', 'ember-renovables.es', 'ES', 'Energy', '201-1000', 'Solar-farm installer in Madrid. Expanding to Portugal and needs planning that spans both.', 'rep1'),
  a('Marlow Logistik', 'marlow-logistik.de', 'DE', 'Logistics', '1001-5000', 'Contract logistics for e-commerce in Hamburg. Peak season planning is the trigger.', 'rep2'),
  a('Iris Telecomunicazioni', 'iris-tlc.it', 'IT', 'Telecommunications', '1001-5000', 'Mobile-network maintenance in northern Italy. Current tool is end-of-life in 18 months.', 'rep1'),
  a('Quarry Stone Supplies', 'quarrystone.co.uk', 'GB', 'Construction', '51-200', 'Building-materials merchant with 9 yards. Owner-managed; the MD signs everything.', 'rep3'),
  a('Upland Outdoor', 'uplandoutdoor.com', 'US', 'Retail', '201-1000', 'Outdoor-clothing brand selling online and in 40 stores. Inventory planning across channels.', 'rep4'),
  a('Willow Care Homes', 'willowcare.co.uk', 'GB', 'Healthcare', '1001-5000', '80 care homes. Rostering and agency-staff cost are the CFO’s priority.', 'rep3'),
  a('Chevalier Transports', 'chevalier-transports.fr', 'FR', 'Logistics', '1001-5000', 'Road haulier near Lille. Drivers’ hours regulations make planning hard; union consultation needed.', 'rep1'),
  a('Thistle Software', 'thistlesoftware.co.uk', 'GB', 'Software', '51-200', 'SaaS company; possible technology partner rather than customer. Handled by the partnerships team.', 'rep4'),
  a('Bakker Agri', 'bakker-agri.nl', 'NL', 'Food & beverage', '201-1000', 'Greenhouse growers’ cooperative. Decisions go through a member board that meets monthly.', 'rep2'),
  a('Wexford Insurance', 'wexford-insurance.ie', 'IE', 'Financial services', '1001-5000', 'Insurer with a large claims-handling operation. Workforce planning for 400 claims handlers.', 'rep4'),
  a('Vantage Hospitality', 'vantagehospitality.com', 'US', 'Professional services', '1001-5000', 'Hotel management company in New York. Staffing across 30 properties.', 'rep4'),
  a('Hoffmann Medizintechnik', 'hoffmann-medtech.de', 'DE', 'Healthcare', '201-1000', 'Medical-device maker in Munich. Quality team must approve any new system.', 'rep2'),
  a('Navarro Alimentación', 'navarro-alimentacion.es', 'ES', 'Food & beverage', '1001-5000', 'Olive oil and preserves. Exports to 30 countries; planning is split between Jaén and Barcelona.', 'rep1'),
  a('Juniper Learning', 'juniperlearning.ie', 'IE', 'Education', '201-1000', 'Online-course provider for apprenticeships. Fast-growing, hiring a COO this quarter.', 'rep1'),
  a('Norrsken Energi', 'norrsken-energi.se', 'SE', 'Energy', '201-1000', 'District-heating operator in Gothenburg. Maintenance planning and outage windows.', 'rep2'),
  a('Ashby Packaging', 'ashbypackaging.co.uk', 'GB', 'Industrial manufacturing', '201-1000', 'Corrugated packaging. Lost to a competitor two years ago; the contract renews next year.', 'rep3'),
  a('Colombo Costruzioni', 'colombo-costruzioni.it', 'IT', 'Construction', '1001-5000', 'Infrastructure contractor in Milan. Interested after a talk at the Bologna trade fair.', 'rep1'),
  a('Blanc Cosmétiques', 'blanc-cosmetiques.fr', 'FR', 'Retail', '201-1000', 'Skincare brand with its own factory in Grasse. Launch calendar drives the planning cycle.', 'rep1'),
];
