# Idiom seen in: akavi/nanoGPT models/utils.py
# Idiom seen in: akavi/nanoGPT models/dmol.py
# What it reproduces: nanoGPT's configure_optimizers as a free function bound onto model classes:
#   tensors with dim >= 2 (matmul weights, embeddings) get weight_decay, biases and LayerNorm gains
#   (dim < 2) get 0.0. Clean.
import inspect

import torch


def configure_optimizers(self, weight_decay, learning_rate, betas, device_type):
    param_dict = {pn: p for pn, p in self.named_parameters()}
    param_dict = {pn: p for pn, p in param_dict.items() if p.requires_grad}
    decay_params = [p for n, p in param_dict.items() if p.dim() >= 2]
    nodecay_params = [p for n, p in param_dict.items() if p.dim() < 2]
    optim_groups = [
        {'params': decay_params, 'weight_decay': weight_decay},
        {'params': nodecay_params, 'weight_decay': 0.0}
    ]
    print(f"num decayed parameter tensors: {len(decay_params)}")
    print(f"num non-decayed parameter tensors: {len(nodecay_params)}")
    fused_available = 'fused' in inspect.signature(torch.optim.AdamW).parameters
    use_fused = fused_available and device_type == 'cuda'
    extra_args = dict(fused=True) if use_fused else dict()
    optimizer = torch.optim.AdamW(optim_groups, lr=learning_rate, betas=betas, **extra_args)
    return optimizer
