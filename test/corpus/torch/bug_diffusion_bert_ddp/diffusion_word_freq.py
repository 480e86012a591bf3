# Idiom seen in: Hzfinfdu/Diffusion-BERT DDP_main.py
# What it reproduces: the discrete-diffusion loss helper the training script calls; a pure function of the
# denoiser's logits, no decay terms.
import torch
import torch.nn.functional as F


def sample_t(num_steps):
    return torch.randint(1, num_steps + 1, (1,))


def compute_kl_reverse_process(x_start, t, denoise_fn, mask_token_id, num_steps, target_mask):
    keep = torch.rand_like(x_start, dtype=torch.float) > (t.float() / num_steps)
    x_t = torch.where(keep, x_start, torch.full_like(x_start, mask_token_id))
    logits = denoise_fn(targets=x_t, timestep=t, attention_mask=target_mask)
    nll = F.cross_entropy(logits.transpose(1, 2), x_start, reduction='none')
    loss = (nll * (~keep) * target_mask).sum()
    return {'loss': loss}
