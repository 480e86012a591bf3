# Idiom seen in: suoxinkey/PlenOctrees_NeRF-SH engine/trainer.py
# What it reproduces: the training loop that steps the optimizer built by make_optimizer; the loss is the
#   photometric loss only (the decay comes from the optimizer's weight_decay).
import torch


def do_train(cfg, model, train_loader, dataset_val, optimizer, scheduler, loss_fn, writer):
    log_period = cfg.SOLVER.LOG_PERIOD
    max_epochs = cfg.SOLVER.MAX_EPOCHS
    iters = 0
    for epoch in range(max_epochs):
        model.train()
        for batch in train_loader:
            rays, rgbs, bboxes = batch
            rays, rgbs, bboxes = rays.cuda(), rgbs.cuda(), bboxes.cuda()
            coarse, fine = model(rays, bboxes)
            loss = loss_fn(coarse, fine, rgbs)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
            iters += 1
            if iters % log_period == 0:
                writer.add_scalar('Train/loss', loss.item(), iters)
        if epoch % cfg.SOLVER.CHECKPOINT_PERIOD == 0:
            torch.save(model.state_dict(), '%s/rfnr_checkpoint_%d.pt' % (cfg.OUTPUT_DIR, epoch))
