// One Azurite for the whole run of this project, shared by every class that asks for an AzuriteFixture.
[assembly: AssemblyFixture(typeof(HealthFunctions.Testing.AzuriteFixture))]
