import { SearchQuery, SearchResults } from '../search.js';
import { defineRoutes } from './define.js';

export const searchApi = defineRoutes({
  searchWorkspace: {
    method: 'GET',
    path: '/api/v1/search',
    tags: ['search'],
    summary: 'Search accounts, contacts, opportunities and plans',
    query: SearchQuery,
    response: { 200: SearchResults },
  },
});
