"""MMN Guide: an Alexa skill that answers spoken questions about the treatment of multifocal motor neuropathy."""
