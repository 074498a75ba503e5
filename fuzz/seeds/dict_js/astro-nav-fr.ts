import { navDictionary } from '../../util/navDictionary';

export default navDictionary({
	tutorial: 'Tutoriel',

	guides: 'Guide',
	'guides.welcome': 'Bienvenue le monde !',
	'guides.newProject': 'Démarrer un nouveau projet',
	'guides.config': 'Configuration',
	'guides.routing': 'Routage et navigation',
	'guides.ui': 'Construire votre UI',
	'guides.content': 'Ajouter du contenu à votre site',
	'guides.serverRendering': 'Rendu du serveur',
	'guides.upgrade': 'Mise à niveau',
	'guides.upgrade.major': 'Guides de mise à niveau majeurs',
	'guides.recipes': 'Recettes pratiques',
	'guides.migrate': 'Migrer vers Astro',

	reference: 'Référence',
	'reference.runtime': "API d'exécution",
	'reference.other': 'Autres API de développement',
	'reference.syntax': 'Syntaxe des modèles Astro',
	'reference.experimental': 'Fonctionnalités expérimentales',

	ecosystem: 'Écosystème',
	'ecosystem.integrations.ui': 'Frameworks UI',
	'ecosystem.integrations.adapters': 'Adaptateurs',
	'ecosystem.integrations.other': 'Autres intégrations officielles',
	'ecosystem.deployment': 'Guides de déploiement',
	'ecosystem.cms': 'Systèmes de gestion de contenu',
	'ecosystem.backend': 'Services back-end',
	'ecosystem.media': 'Hébergement d’images et de vidéos',
});
