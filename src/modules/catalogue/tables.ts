export interface CatalogueTables {}
