import { SearchQuery, SearchResults } from '../search.js';
import { defineRoutes } from './define.js';

export const searchApi = defineRoutes({
  searchWorkspace: { tags: ['search'], summary: 'Search accounts, contacts, opportunities and plans', query: SearchQuery, response: { 200: SearchResults } },
});
