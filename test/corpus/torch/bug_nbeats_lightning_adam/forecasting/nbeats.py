# Idiom seen in: sktime/pytorch-forecasting pytorch_forecasting/models/nbeats/_nbeats.py
# Idiom seen in: sktime/pytorch-forecasting pytorch_forecasting/models/base/_base_model.py
# What it reproduces: N-BEATS subclasses BaseModel and forwards **kwargs (weight_decay among them)
# to it; the network is Linear stacks with biases (see base_model.py for the optimizer).
from typing import Dict, List

import torch
from torch import nn

from forecasting.base_model import BaseModel
from nbeats_blocks import NBEATSGenericBlock, NBEATSSeasonalBlock, NBEATSTrendBlock


class NBeats(BaseModel):
    def __init__(
        self,
        stack_types: List[str] = ["trend", "seasonality"],
        num_blocks=[3, 3],
        num_block_layers=[3, 3],
        widths=[32, 512],
        sharing: List[int] = [True, True],
        expansion_coefficient_lengths: List[int] = [3, 7],
        prediction_length: int = 1,
        context_length: int = 1,
        dropout: float = 0.1,
        backcast_loss_ratio: float = 0.0,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.save_hyperparameters()
        self.net_blocks = nn.ModuleList()
        for stack_id, stack_type in enumerate(stack_types):
            for _ in range(num_blocks[stack_id]):
                if stack_type == "generic":
                    block = NBEATSGenericBlock(units=widths[stack_id], thetas_dim=expansion_coefficient_lengths[stack_id],
                                               num_block_layers=num_block_layers[stack_id],
                                               backcast_length=context_length, forecast_length=prediction_length,
                                               dropout=dropout)
                elif stack_type == "seasonality":
                    block = NBEATSSeasonalBlock(units=widths[stack_id], num_block_layers=num_block_layers[stack_id],
                                                backcast_length=context_length, forecast_length=prediction_length,
                                                min_period=expansion_coefficient_lengths[stack_id], dropout=dropout)
                else:
                    block = NBEATSTrendBlock(units=widths[stack_id], thetas_dim=expansion_coefficient_lengths[stack_id],
                                             num_block_layers=num_block_layers[stack_id],
                                             backcast_length=context_length, forecast_length=prediction_length,
                                             dropout=dropout)
                self.net_blocks.append(block)

    def forward(self, x: Dict[str, torch.Tensor]) -> Dict[str, torch.Tensor]:
        target = x["encoder_cont"][..., 0]
        backcast = target
        forecast = torch.zeros((target.size(0), self.hparams.prediction_length), device=target.device)
        for block in self.net_blocks:
            backcast_block, forecast_block = block(backcast)
            backcast = backcast - backcast_block
            forecast = forecast + forecast_block
        return {"prediction": forecast, "backcast": target - backcast}

    @classmethod
    def from_dataset(cls, dataset, **kwargs):
        new_kwargs = {
            "prediction_length": dataset.max_prediction_length,
            "context_length": dataset.max_encoder_length,
        }
        new_kwargs.update(kwargs)
        return cls(**new_kwargs)
