# Idiom seen in: lllyasviel/ControlNet cldm/cldm.py
# Idiom seen in: lllyasviel/ControlNet tutorial_train.py
# What it reproduces: ControlLDM.configure_optimizers gathers the control net's parameters (plus the
# unlocked decoder blocks) into one list and builds torch.optim.AdamW(params, lr=lr) without
# weight_decay=: AdamW's default 0.01 then decays every bias and GroupNorm scale of the ControlNet.
import torch
import torch.nn as nn

from ldm.models.diffusion.ddpm import LatentDiffusion
from ldm.modules.diffusionmodules.util import conv_nd, linear, zero_module, timestep_embedding
from ldm.util import instantiate_from_config


class ControlNet(nn.Module):
    def __init__(self, in_channels, model_channels, hint_channels, num_res_blocks=2, dims=2):
        super().__init__()
        self.model_channels = model_channels
        self.time_embed = nn.Sequential(
            linear(model_channels, model_channels * 4),
            nn.SiLU(),
            linear(model_channels * 4, model_channels * 4),
        )
        self.input_hint_block = nn.Sequential(
            conv_nd(dims, hint_channels, 16, 3, padding=1),
            nn.SiLU(),
            conv_nd(dims, 16, 32, 3, padding=1, stride=2),
            nn.SiLU(),
            zero_module(conv_nd(dims, 32, model_channels, 3, padding=1)),
        )
        self.input_blocks = nn.ModuleList([conv_nd(dims, in_channels, model_channels, 3, padding=1)])
        self.norms = nn.ModuleList([nn.GroupNorm(32, model_channels) for _ in range(num_res_blocks)])
        self.zero_convs = nn.ModuleList([zero_module(conv_nd(dims, model_channels, model_channels, 1))])

    def forward(self, x, hint, timesteps, context, **kwargs):
        emb = self.time_embed(timestep_embedding(timesteps, self.model_channels))
        h = self.input_blocks[0](x) + self.input_hint_block(hint)
        for norm in self.norms:
            h = torch.nn.functional.silu(norm(h))
        return [zc(h) for zc in self.zero_convs]


class ControlLDM(LatentDiffusion):
    def __init__(self, control_stage_config, control_key, only_mid_control, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.control_model = instantiate_from_config(control_stage_config)
        self.control_key = control_key
        self.only_mid_control = only_mid_control
        self.control_scales = [1.0] * 13

    def apply_model(self, x_noisy, t, cond, *args, **kwargs):
        diffusion_model = self.model.diffusion_model
        cond_txt = torch.cat(cond['c_crossattn'], 1)
        control = self.control_model(x=x_noisy, hint=torch.cat(cond['c_concat'], 1),
                                     timesteps=t, context=cond_txt)
        control = [c * scale for c, scale in zip(control, self.control_scales)]
        return diffusion_model(x=x_noisy, timesteps=t, context=cond_txt, control=control,
                               only_mid_control=self.only_mid_control)

    def configure_optimizers(self):
        lr = self.learning_rate
        params = list(self.control_model.parameters())
        if not self.sd_locked:
            params += list(self.model.diffusion_model.output_blocks.parameters())
            params += list(self.model.diffusion_model.out.parameters())
        opt = torch.optim.AdamW(params, lr=lr)  # expect: WD203
        return opt
