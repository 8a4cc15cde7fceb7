using IntakePipeline.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddIntakeFunctions(builder.Configuration);
builder.Build().Run();
