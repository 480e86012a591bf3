# Idiom seen in: yangmma/dance-ai-research-project src/bailandopp/app/config/config.py
# What it reproduces: the actor-critic fine-tuning config: the optimizer class is named by a string and its
#   keyword arguments are a dict, with weight_decay explicitly 0.
reward_config = {"rate": 0}
optimizer_type = "Adam"
optimizer_kwargs = {
    "lr": 0.00001,
    "betas": [0.5, 0.999],
    "weight_decay": 0,
}
optimizer_schedular_kwargs = {
    "milestones": [40],
    "gamma": 1,
}
gpt_config = {
    "block_size": 29,
    "n_layer": 6,
    "n_head": 12,
    "n_embd": 768,
    "vocab_size_up": 2048,
    "vocab_size_down": 2048,
    "n_music": 55,
    "embd_pdrop": 0.1,
    "resid_pdrop": 0.1,
    "attn_pdrop": 0.1,
}
