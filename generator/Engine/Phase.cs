namespace SiteGen.Engine;

/// <summary>Statiq's four phases: each runs after the previous one has seen every document.</summary>
public enum Phase { Input, Process, PostProcess, Output }
