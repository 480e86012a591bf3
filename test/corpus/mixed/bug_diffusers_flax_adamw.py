# Idiom seen in: huggingface/diffusers examples/text_to_image/train_text_to_image_flax.py
# What it reproduces: the Flax text-to-image script chains clip_by_global_norm with optax.adamw(...,
# weight_decay=args.adam_weight_decay) and no mask: every leaf of the UNet params (biases, GroupNorm scales)
# is decayed (WD203 on the weight_decay= line). The diffusion loss has no penalty.
import argparse

import jax
import jax.numpy as jnp
import optax
from diffusers import FlaxDDPMScheduler, FlaxUNet2DConditionModel
from flax.training import train_state

from data import get_train_dataloader


def parse_args():
    parser = argparse.ArgumentParser(description="Simple example of a training script.")
    parser.add_argument("--pretrained_model_name_or_path", type=str, default="CompVis/stable-diffusion-v1-4")
    parser.add_argument("--learning_rate", type=float, default=1e-4)
    parser.add_argument("--adam_beta1", type=float, default=0.9)
    parser.add_argument("--adam_beta2", type=float, default=0.999)
    parser.add_argument("--adam_weight_decay", type=float, default=1e-2)
    parser.add_argument("--adam_epsilon", type=float, default=1e-08)
    parser.add_argument("--max_grad_norm", default=1.0, type=float)
    parser.add_argument("--num_train_epochs", type=int, default=100)
    return parser.parse_args()


def main():
    args = parse_args()
    unet, unet_params = FlaxUNet2DConditionModel.from_pretrained(args.pretrained_model_name_or_path,
                                                                 subfolder="unet", dtype=jnp.bfloat16)
    noise_scheduler = FlaxDDPMScheduler(beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear",
                                        num_train_timesteps=1000)
    noise_scheduler_state = noise_scheduler.create_state()
    constant_scheduler = optax.constant_schedule(args.learning_rate)
    adamw = optax.adamw(
        learning_rate=constant_scheduler,
        b1=args.adam_beta1,
        b2=args.adam_beta2,
        eps=args.adam_epsilon,
        weight_decay=args.adam_weight_decay,  # expect: WD203
    )
    optimizer = optax.chain(optax.clip_by_global_norm(args.max_grad_norm), adamw)
    state = train_state.TrainState.create(apply_fn=unet.__call__, params=unet_params, tx=optimizer)

    def train_step(state, batch, train_rng):
        sample_rng, new_train_rng = jax.random.split(train_rng, 2)

        def compute_loss(params):
            latents = batch["latents"]
            noise_rng, timestep_rng = jax.random.split(sample_rng)
            noise = jax.random.normal(noise_rng, latents.shape)
            timesteps = jax.random.randint(timestep_rng, (latents.shape[0],), 0,
                                           noise_scheduler.config.num_train_timesteps)
            noisy_latents = noise_scheduler.add_noise(noise_scheduler_state, latents, noise, timesteps)
            model_pred = unet.apply({"params": params}, noisy_latents, timesteps, batch["encoder_hidden_states"],
                                    train=True).sample
            return ((noise - model_pred) ** 2).mean()

        loss, grad = jax.value_and_grad(compute_loss)(state.params)
        new_state = state.apply_gradients(grads=grad)
        return new_state, {"loss": loss}, new_train_rng

    p_train_step = jax.jit(train_step)
    rng = jax.random.PRNGKey(0)
    for epoch in range(args.num_train_epochs):
        for batch in get_train_dataloader():
            state, metrics, rng = p_train_step(state, batch, rng)


if __name__ == "__main__":
    main()
